import type { StsExchange } from '../../lib/aws/exchange';

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  400: 'Bad Request',
  403: 'Forbidden',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const headerLines = (headers: Record<string, string>) =>
  Object.entries(headers).map(([name, value]) => `${name}: ${value}`);

/** The request as it went out; the form body one parameter a line, for reading. */
export function requestText({ request }: StsExchange): string {
  const body = request.body ? ['', request.body.split('&').join('\n&')] : [];
  return [`${request.method} ${request.url}`, ...headerLines(request.headers), ...body].join('\n');
}

export function responseText({ response }: StsExchange): string | undefined {
  if (!response) return undefined;
  const status = `HTTP ${response.status} ${STATUS_TEXT[response.status] ?? ''}`.trimEnd();
  return [status, ...headerLines(response.headers), '', response.body].join('\n');
}

export interface WireError {
  code: string;
  message?: string;
  requestId?: string;
}

/** The STS error an exchange ended in, read from its XML; NetworkError when nothing came back. */
export function wireError({ response }: StsExchange): WireError | undefined {
  if (!response) return { code: 'NetworkError' };
  if (response.status < 400) return undefined;
  const element = (name: string) => {
    const match = new RegExp(`<${name}>([^<]*)</${name}>`).exec(response.body);
    return match ? decodeXmlText(match[1]) : undefined;
  };
  return {
    code: element('Code') ?? `HTTP ${response.status}`,
    message: element('Message'),
    requestId: element('RequestId') ?? response.headers['x-amzn-requestid'],
  };
}

function decodeXmlText(text: string): string {
  const entities: Record<string, string> = {
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    apos: "'",
  };
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_match, name: string) => entities[name]);
}

export function outcomeOf(exchange: StsExchange): string {
  const { response } = exchange;
  if (!response)
    return 'No answer arrived: the request never reached STS, or the browser hid the answer.';
  const status = `${response.status} ${STATUS_TEXT[response.status] ?? ''}`.trim();
  const error = wireError(exchange);
  return error ? `Failed: ${status}, ${error.code}.` : `Succeeded: ${status}.`;
}

const ACTIONS: Record<string, string> = {
  AssumeRoleWithWebIdentity:
    "Unsigned: no AWS credentials are needed, because the ID token is the credential (sent as WebIdentityToken, redacted here). STS reads the token's iss, finds the IAM OIDC provider for it in the role's account, checks the signature with the keys from the issuer's JWKS, checks aud (or azp) against the provider's client ids and exp against its clock, and then evaluates the role's trust policy with the token's aud and sub. If all of that passes it answers with temporary credentials: an access key id, a secret access key and a session token (the last two redacted here), and when they expire.",
  AssumeRole:
    "Role chaining: signed with SigV4 using the credentials of the role it is reached from (the Authorization header carries their access key id and a signature, X-Amz-Security-Token their session token; both redacted here). The target role's trust policy must trust that role, with the external id when one is configured. A chained session lasts at most 1 hour.",
  GetCallerIdentity:
    'SigV4-signed with the new credentials. It needs no permission and cannot be denied, so it is the honest way to ask AWS "who am I?": it answers with the account, the assumed-role ARN and the user id.',
};

export function explainAction(action: string): string {
  return (
    ACTIONS[action] ??
    `A call to AWS STS (${action}): the raw request and response are below, secrets redacted.`
  );
}
