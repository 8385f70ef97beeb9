import type { TokenFacts } from '../utils/claims';
import type { ExplainedError } from '../utils/explained-error';
import type { CallerIdentity, StsCall, TemporaryCredentials } from '../lib/aws/types';
import type { RoleOption } from './role';

/** An assumed-role session held in memory: the credentials and everything known about them. */
export interface RoleSession {
  role: RoleOption;
  roleSessionName: string;
  credentials: TemporaryCredentials;
  assumedRoleArn: string;
  assumedRoleId: string;
  sourceIdentity?: string;
  /**
   * From AssumeRoleWithWebIdentity: the token's `sub` and `aud` as AWS saw them, and the ARN of the
   * IAM OIDC provider that vouched for it.
   */
  subject?: string;
  audience?: string;
  provider?: string;
  identity: CallerIdentity;
  /**
   * Set when GetCallerIdentity could not confirm the identity: it is then read from the assume
   * call's AssumedRoleUser, and the credentials are kept rather than thrown away.
   */
  identityUnconfirmed?: ExplainedError;
  durationSeconds: number;
  /** When the credentials arrived, and when they expire, on this computer's clock. */
  receivedAt: number;
  localExpiresAt: number;
  /** The STS calls that made this session, in order (request ids for support tickets). */
  calls: StsCall[];
  /** For a chained role: the assumed-role ARNs it was reached through, web identity role first. */
  chain: string[];
  /** The ID token this session was made with (for a chained role, its hub's), described. */
  token: TokenFacts;
}
