import {
  awsAudience,
  sessionTags,
  stringClaim,
  numberClaim,
  tokenIssuer,
  type Claims,
} from '../../utils/claims';
import { describeDuration } from '../../utils/format-duration';
import { providerArn, providerName } from '../../utils/oidc-provider';

/**
 * What an STS error code means, in two depths: a title and hint for the session panel, and the
 * meaning, likely cause and fix for the training view. The training view passes the token, role
 * and time, so the likely causes name the token's own aud, sub and exp; the trust policy and the
 * IAM OIDC provider cannot be read from a browser, so causes are named as the likely ones, never
 * as certainties.
 */
export interface StsExplanation {
  code: string;
  title: string;
  hint: string;
  retryable: boolean;
  meaning: string;
  likelyCause: string;
  fix: string;
}

export type Words = Omit<StsExplanation, 'code' | 'retryable'>;

/** What is known about a failed STS call: enough for a title and hint. */
export interface StsFailure {
  /** The wire code, or the SDK's name for it (`InvalidIdentityTokenException`). */
  code: string;
  /** The STS action that failed (AssumeRoleWithWebIdentity, AssumeRole, GetCallerIdentity). */
  action: string;
  /** AWS's own message. */
  said?: string;
  status?: number;
  /** The STS endpoint the request went to. */
  endpoint?: string;
  roleArn?: string;
  /** When the request was sent (ms): what an expiry is judged against. */
  sentAt?: number;
  /** How far AWS STS's clock was ahead of this computer's (negative: behind), from its `Date` header. */
  serverClockAheadMs?: number;
  /** The sent ID token's expiry (ms), for a failure explained without the token's claims. */
  tokenExpiresAt?: number;
}

/** The role as far as an explanation needs it. */
export interface ExplainedRole {
  arn: string;
  accountId: string;
  name: string;
  maxDurationSeconds?: number;
  chainFrom?: string;
  externalId?: string;
}

/** The same failure with what the training view also knows: the token, the role, the time. */
export interface StsFailureInContext extends StsFailure {
  /** The decoded ID token's payload. */
  claims?: Claims;
  /** The configured issuer; the token's own `iss` wins when there is one. */
  issuer?: string;
  role?: ExplainedRole;
  now?: number;
}

/** The facts every explanation draws its words from, with a readable stand-in for each unknown. */
export interface Facts {
  input: StsFailureInContext;
  /** Role chaining: the hub role's session, not the ID token, made the call. */
  chained: boolean;
  /** " arn:aws:iam::…:role/X", or nothing: for "… to assume this role" titles. */
  role: string;
  roleArn?: string;
  roleName: string;
  account: string;
  issuer: string;
  provider: string;
  providerArn: string;
  /** The audience AWS uses, quoted: "rolecall". */
  aud: string;
  /** "aud", or "azp" when AWS takes the audience from the token's azp. */
  audClaim: 'aud' | 'azp';
  sub: string;
  exp?: number;
  tagKeys: string[];
  /** AWS's message as it came, or nothing. */
  message: string;
  /** ` AWS said: "…"` to end a sentence with, or nothing when AWS gave no message. */
  said: string;
}

export function factsOf(input: StsFailureInContext): Facts {
  const issuer = tokenIssuer(input.claims, input.issuer ?? 'the issuer');
  const roleArn = input.role?.arn ?? input.roleArn;
  const audience = awsAudience(input.claims);
  return {
    input,
    chained: input.action === 'AssumeRole',
    role: roleArn ? ` ${roleArn}` : '',
    roleArn,
    roleName: input.role?.name ?? 'the role',
    account: input.role?.accountId ?? "the role's account",
    issuer,
    provider: providerName(issuer),
    providerArn: providerArn(input.role?.accountId ?? '<account>', issuer, roleArn),
    aud: quoted(audience ? [audience.value].flat() : []),
    audClaim: audience?.from ?? 'aud',
    sub: quoted([stringClaim(input.claims, 'sub')].filter((sub) => sub !== undefined)),
    exp:
      numberClaim(input.claims, 'exp') ??
      (input.tokenExpiresAt === undefined ? undefined : Math.floor(input.tokenExpiresAt / 1000)),
    tagKeys: Object.keys(sessionTags(input.claims)?.tags ?? {}),
    message: input.said ?? '',
    said: input.said ? ` AWS said: "${input.said}"` : '',
  };
}

/** `AWS said: "…". ` to begin a hint with, or nothing. */
export function quoting(f: Facts): string {
  return f.message ? `AWS said: "${f.message}". ` : '';
}

function quoted(values: string[]): string {
  return values.length > 0 ? values.map((value) => `"${value}"`).join(' or ') : '(none)';
}

/** Seconds under a minute, else whole minutes: "42 seconds", "7 minutes", "1 hour 5 minutes". */
export function roughly(seconds: number): string {
  return describeDuration(seconds < 60 ? seconds : Math.round(seconds / 60) * 60);
}

/** On this computer or a private network: reachable by the demo STS, never by AWS. */
export function isLocal(url: string): boolean {
  try {
    const { hostname } = new URL(url);
    if (
      hostname === 'localhost' ||
      hostname.endsWith('.localhost') ||
      hostname.endsWith('.local')
    ) {
      return true;
    }
    if (hostname === '[::1]' || /^\[f[cd]/i.test(hostname)) return true;
    const octets = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(hostname);
    if (!octets) return false;
    const [a, b] = [Number(octets[1]), Number(octets[2])];
    return a === 127 || a === 10 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31);
  } catch {
    return false;
  }
}
