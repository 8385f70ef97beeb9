import type { Partition } from '../../config/schema';
export interface TemporaryCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** When AWS stops accepting the credentials, in epoch milliseconds (AWS's clock). */
  expiresAt: number;
}

/** Facts about one STS call that support staff and the countdown need. */
export interface StsCall {
  action: string;
  requestId?: string;
  /**
   * How far AWS's clock is ahead of this computer's, in milliseconds, from the response's `Date`
   * header; 0 when the header is unreadable (CORS) or the clocks agree to within 2 seconds.
   */
  clockOffsetMs: number;
}

export interface CallerIdentity {
  account: string;
  arn: string;
  userId: string;
}

export interface RoleCredentials {
  credentials: TemporaryCredentials;
  assumedRoleArn: string;
  assumedRoleId: string;
  sourceIdentity?: string;
  packedPolicySize?: number;
  call: StsCall;
}

export interface WebIdentitySession extends RoleCredentials {
  subject?: string;
  audience?: string;
  provider?: string;
}

export interface AssumeRoleWithWebIdentityInput {
  roleArn: string;
  roleSessionName: string;
  webIdentityToken: string;
  durationSeconds: number;
}

export interface AssumeRoleInput {
  roleArn: string;
  roleSessionName: string;
  durationSeconds: number;
  externalId?: string;
}

export interface StsEndpoint {
  region: string;
  /** The region's partition (aws, aws-cn, aws-us-gov): where the regional endpoint lives. */
  partition: Partition;
  /** Leave undefined for real AWS: the SDK then uses the regional endpoint of `region`. */
  endpoint?: string;
}
