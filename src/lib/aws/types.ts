export interface TemporaryCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** When AWS stops accepting the credentials, in epoch milliseconds (AWS's clock). */
  expiresAt: number;
}

export interface CallerIdentity {
  account: string;
  arn: string;
  userId: string;
}

export interface WebIdentitySession {
  credentials: TemporaryCredentials;
  assumedRoleArn: string;
  assumedRoleId: string;
  subject?: string;
  audience?: string;
  provider?: string;
  sourceIdentity?: string;
  packedPolicySize?: number;
  requestId?: string;
}

export interface AssumeRoleWithWebIdentityInput {
  roleArn: string;
  roleSessionName: string;
  webIdentityToken: string;
  durationSeconds: number;
}

export interface StsEndpoint {
  region: string;
  /** Leave undefined for real AWS: the SDK then uses the regional endpoint of `region`. */
  endpoint?: string;
}
