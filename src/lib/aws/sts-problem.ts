/** An STS failure, explained: what happened, what to do, and the facts support needs. */
export class StsProblem extends Error {
  override readonly name = 'StsProblem';
  constructor(
    readonly title: string,
    readonly hint: string,
    readonly details: {
      action: string;
      code: string;
      awsMessage?: string;
      status?: number;
      requestId?: string;
      /** True when trying again unchanged may succeed (network, throttling, provider unreachable). */
      retryable: boolean;
    },
  ) {
    super(`${title}. ${hint}`);
  }
}

export interface ProblemContext {
  action: string;
  endpoint: string;
  roleArn?: string;
}

interface SdkErrorShape {
  name?: string;
  message?: string;
  Code?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

export function toStsProblem(error: unknown, context: ProblemContext): StsProblem {
  if (error instanceof StsProblem) return error;
  const shape: SdkErrorShape = typeof error === 'object' && error !== null ? error : {};
  const code = normaliseCode(shape.Code ?? shape.name ?? 'UnknownError');
  const awsMessage = shape.message;
  const status = shape.$metadata?.httpStatusCode;
  const base = {
    action: context.action,
    code,
    awsMessage,
    status,
    requestId: shape.$metadata?.requestId,
  };
  const role = context.roleArn ? ` ${context.roleArn}` : '';

  if (status === undefined && isNetworkFailure(error)) {
    return new StsProblem(
      'AWS STS could not be reached',
      `Rolecall could not connect to ${context.endpoint}. Check your network connection (or, for the demo, that "npm start" is still running) and try again.`,
      { ...base, code: 'NetworkError', retryable: true },
    );
  }
  const explained =
    code === 'AccessDenied' && context.action === 'AssumeRole' ? chainDenied : EXPLANATIONS[code];
  if (explained) {
    const [title, hint, retryable] = explained(role, awsMessage ?? '');
    return new StsProblem(title, hint, { ...base, retryable });
  }
  return new StsProblem(
    `AWS STS refused ${context.action} (${code})`,
    awsMessage
      ? `AWS said: "${awsMessage}". Try again; if it keeps failing, send this to your administrator.`
      : 'Try again; if it keeps failing, send this to your administrator.',
    { ...base, retryable: status === undefined || status >= 500 },
  );
}

type Explanation = (
  role: string,
  awsMessage: string,
) => [title: string, hint: string, retryable: boolean];

// Role chaining: the ID token plays no part, the hub role's session does.
const chainDenied: Explanation = (role) => [
  `The role you chain from is not allowed to assume${role || ' this role'}`,
  "The target role's trust policy must name the role you chain from (or its account) as a principal, any ExternalId it requires must match the one in config.json, and the hub role needs permission for sts:AssumeRole. Ask your AWS administrator to check both roles.",
  false,
];

const EXPLANATIONS: Record<string, Explanation> = {
  AccessDenied: (role) => [
    `Your sign-in is not allowed to assume${role || ' this role'}`,
    "The role's trust policy does not accept your ID token: its conditions on the token's audience (aud) or subject (sub) do not match you, or it does not trust this identity provider. Ask your AWS administrator to check the role's trust policy.",
    false,
  ],
  InvalidIdentityToken: (_role, awsMessage) => [
    'AWS could not validate your ID token',
    `AWS said: "${awsMessage}". Usually the account has no IAM OIDC provider for this issuer, or the provider's client ids do not include this app's client id. Ask your AWS administrator to check the IAM OIDC provider.`,
    false,
  ],
  ExpiredTokenException: () => [
    'Your sign-in has expired',
    'AWS refused the ID token because it has expired. Sign in again to get a fresh one.',
    false,
  ],
  ExpiredToken: () => [
    'These credentials have expired',
    'AWS no longer accepts them. Assume the role again to get fresh credentials.',
    false,
  ],
  IDPRejectedClaim: (_role, awsMessage) => [
    'Your identity provider rejected a claim in your token',
    `AWS said: "${awsMessage}". Sign in again; if it keeps failing, ask your administrator.`,
    false,
  ],
  IDPCommunicationError: () => [
    'AWS could not reach your identity provider',
    "AWS could not download the provider's signing keys to check your token. This is usually temporary: try again in a moment.",
    true,
  ],
  ValidationError: (_role, awsMessage) => [
    'AWS STS refused the request as invalid',
    `AWS said: "${awsMessage}". Check the role's settings in config.json (role name, maximum duration) or choose a shorter session.`,
    false,
  ],
  RegionDisabledException: () => [
    'AWS STS is not activated in this region',
    'Ask your AWS administrator to activate STS in this region, or set another "sts.region" in config.json.',
    false,
  ],
  InvalidClientTokenId: () => [
    'AWS does not recognise these credentials',
    'They may have been revoked. Assume the role again.',
    false,
  ],
  SignatureDoesNotMatch: () => [
    'AWS rejected the request signature',
    "Your computer's clock may be far off, or the credentials are damaged. Check the clock and assume the role again.",
    false,
  ],
  RequestExpired: () => [
    "Your computer's clock is too far off",
    'AWS refuses requests dated more than 15 minutes away from its own time. Correct the clock and try again.',
    true,
  ],
  MalformedPolicyDocument: (_role, awsMessage) => [
    'AWS refused the session policy',
    `AWS said: "${awsMessage}". The inline session policy sent with the request is not a valid IAM policy.`,
    false,
  ],
  PackedPolicyTooLarge: (_role, awsMessage) => [
    'The session policies and tags are too large',
    `AWS said: "${awsMessage}". Your token carries more session tags (or longer ones) than AWS can pack: ask your identity provider administrator to send fewer.`,
    false,
  ],
  Throttling: () => [
    'AWS STS is busy',
    'Too many requests were made just now. Wait a few seconds and try again.',
    true,
  ],
  ServiceUnavailable: () => [
    'AWS STS is temporarily unavailable',
    'Wait a moment and try again.',
    true,
  ],
};

function normaliseCode(code: string): string {
  // The SDK names modelled errors with an "Exception" suffix; the wire codes do not all have it.
  const modelled: Record<string, string> = {
    InvalidIdentityTokenException: 'InvalidIdentityToken',
    IDPRejectedClaimException: 'IDPRejectedClaim',
    IDPCommunicationErrorException: 'IDPCommunicationError',
    ThrottlingException: 'Throttling',
    MalformedPolicyDocumentException: 'MalformedPolicyDocument',
    PackedPolicyTooLargeException: 'PackedPolicyTooLarge',
  };
  return modelled[code] ?? code;
}

function isNetworkFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  // Only the browsers' own wording for a failed fetch: any other TypeError is a bug, not the network.
  return /Failed to fetch|NetworkError when attempting to fetch|Load failed|ECONNREFUSED|fetch failed/i.test(
    error.message,
  );
}
