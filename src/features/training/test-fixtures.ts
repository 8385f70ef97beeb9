import type { SignInTrace } from '../../lib/auth/sign-in-trace';
import type { StsExchange } from '../../lib/aws/exchange';
import { ExplainedError } from '../../utils/explained-error';
import type { RoleOption } from '../../types/role';

const base64url = (text: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

export const ISSUER = 'http://localhost:5180';
export const SIGNED_IN_AT = Date.UTC(2026, 0, 1, 12, 0, 0);
const seconds = Math.floor(SIGNED_IN_AT / 1000);

export const ID_TOKEN_HEADER = { alg: 'RS256', kid: 'demo-2026-01', typ: 'JWT' };
/** Alice from demo/data/users.json, as the demo IdP signs her in. */
export const ID_TOKEN_PAYLOAD = {
  iss: ISSUER,
  sub: 'user-alice',
  aud: 'rolecall',
  exp: seconds + 3600,
  iat: seconds,
  auth_time: seconds - 5,
  at_hash: 'x4Ob7Hrs0w8ZJ2q1vA3M5g',
  name: 'Alice Anders',
  email: 'alice@example.com',
  groups: ['developers', 'admins'],
  'https://rolecall.example/roles': ['arn:aws:iam::222222222222:role/Deployer'],
  'https://aws.amazon.com/source_identity': 'alice',
  'https://aws.amazon.com/tags': {
    principal_tags: { Team: ['platform'], CostCenter: ['cc-1234'] },
    transitive_tag_keys: ['Team'],
  },
};

/** The secrets in this file: none of them may ever reach the page. */
export const ID_TOKEN = `${base64url(JSON.stringify(ID_TOKEN_HEADER))}.${base64url(JSON.stringify(ID_TOKEN_PAYLOAD))}.Tq3bX9kYp2vR8sLmN4cWzA7eHfJ1uQ5oKdG6iV0tBxE`;
export const AUTHORIZATION_CODE = 'SplxlOBeZQQYbYS6WxSbIAw1';
export const SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY';
export const SESSION_TOKEN =
  'IQoJb3JpZ2luX2VjEJr//////////wEaCWV1LXdlc3QtMSJHMEUCIQD+6rG0a3YbHU1x8jVZ9uZ0eXAmPLe+TOKEN=';
export const SIGNATURE = '5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7';
export const SECRETS = [ID_TOKEN, AUTHORIZATION_CODE, SECRET_ACCESS_KEY, SESSION_TOKEN, SIGNATURE];

const STATE = '3f9c1e0a7b2d4c6e8a1b3d5f7e9c0a2b';

export const TRACE: SignInTrace = {
  authorizationRequest: {
    endpoint: `${ISSUER}/auth`,
    params: {
      client_id: 'rolecall',
      redirect_uri: 'http://localhost:5173/',
      response_type: 'code',
      scope: 'openid profile email offline_access',
      state: STATE,
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    },
    codeVerifierLength: 43,
  },
  // As if the capture had missed the code: the view must hide it on its own.
  callback: {
    url: `http://localhost:5173/?code=${AUTHORIZATION_CODE}&state=${STATE}&iss=http%3A%2F%2Flocalhost%3A5180`,
    params: { code: AUTHORIZATION_CODE, state: STATE, iss: ISSUER },
  },
  tokenResponse: {
    endpoint: `${ISSUER}/token`,
    tokenType: 'Bearer',
    scope: 'openid profile email offline_access',
    expiresAt: SIGNED_IN_AT + 3600_000,
    tokens: [
      { name: 'id_token', length: ID_TOKEN.length },
      { name: 'access_token', length: 43 },
      { name: 'refresh_token', length: 43 },
    ],
  },
  idToken: { header: ID_TOKEN_HEADER, payload: ID_TOKEN_PAYLOAD },
};

function role(accountId: string, name: string, extra: Partial<RoleOption> = {}): RoleOption {
  return {
    arn: `arn:aws:iam::${accountId}:role/${name}`,
    accountId,
    accountName: accountId === '111111111111' ? 'Sandbox' : 'Audit',
    accountColor: '#0ea5e9',
    name,
    label: name,
    source: 'config',
    preferred: false,
    ...extra,
  };
}

export const DEVELOPER = role('111111111111', 'Developer', { maxDurationSeconds: 14400 });
export const MISCONFIGURED = role('111111111111', 'MisconfiguredTrust');
export const AUDITOR = role('333333333333', 'Auditor', {
  chainFrom: DEVELOPER.arn,
  externalId: 'audit-7f3a',
});

const STS = 'http://localhost:5190/';
const NS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const xmlHeaders = (requestId: string) => ({
  'content-type': 'text/xml',
  'x-amzn-requestid': requestId,
  date: 'Thu, 01 Jan 2026 12:00:05 GMT',
});

/** Shaped like the demo STS's traffic; some secrets deliberately left unredacted. */
export const EXCHANGES: StsExchange[] = [
  {
    id: 1,
    action: 'AssumeRoleWithWebIdentity',
    startedAt: SIGNED_IN_AT + 5000,
    roleArn: DEVELOPER.arn,
    request: {
      method: 'POST',
      url: STS,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-amz-user-agent': 'aws-sdk-js/3.1173.0',
        'amz-sdk-invocation-id': '0b8e5c2a-3f41-4d7e-9a1c-6f2d8e4b7a90',
      },
      body: `Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A111111111111%3Arole%2FDeveloper&RoleSessionName=alice&WebIdentityToken=${ID_TOKEN}&DurationSeconds=3600`,
    },
    response: {
      status: 200,
      receivedAt: SIGNED_IN_AT + 5000 + 40,
      headers: xmlHeaders('7a62c49f-347e-4fc4-9331-6e8eEXAMPLE1'),
      body: `<AssumeRoleWithWebIdentityResponse xmlns="${NS}">
  <AssumeRoleWithWebIdentityResult>
    <Credentials>
      <AccessKeyId>ASIAQSANDBOXDEV7KQ2E</AccessKeyId>
      <SecretAccessKey>${SECRET_ACCESS_KEY}</SecretAccessKey>
      <SessionToken>${SESSION_TOKEN}</SessionToken>
      <Expiration>2026-01-01T13:00:05Z</Expiration>
    </Credentials>
    <SubjectFromWebIdentityToken>user-alice</SubjectFromWebIdentityToken>
    <AssumedRoleUser>
      <AssumedRoleId>AROAQSANDBOXDEV00001:alice</AssumedRoleId>
      <Arn>arn:aws:sts::111111111111:assumed-role/Developer/alice</Arn>
    </AssumedRoleUser>
    <Provider>${ISSUER}</Provider>
    <Audience>rolecall</Audience>
    <SourceIdentity>alice</SourceIdentity>
  </AssumeRoleWithWebIdentityResult>
  <ResponseMetadata><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE1</RequestId></ResponseMetadata>
</AssumeRoleWithWebIdentityResponse>`,
    },
  },
  {
    id: 2,
    action: 'GetCallerIdentity',
    startedAt: SIGNED_IN_AT + 6000,
    request: {
      method: 'POST',
      url: STS,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-amz-date': '20260101T120006Z',
        'x-amz-security-token': SESSION_TOKEN,
        authorization: `AWS4-HMAC-SHA256 Credential=ASIAQSANDBOXDEV7KQ2E/20260101/us-east-1/sts/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token, Signature=${SIGNATURE}`,
      },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    },
    response: {
      status: 200,
      receivedAt: SIGNED_IN_AT + 6000 + 40,
      headers: xmlHeaders('01234567-89ab-cdef-0123-456789EXAMPLE'),
      body: `<GetCallerIdentityResponse xmlns="${NS}">
  <GetCallerIdentityResult>
    <Arn>arn:aws:sts::111111111111:assumed-role/Developer/alice</Arn>
    <UserId>AROAQSANDBOXDEV00001:alice</UserId>
    <Account>111111111111</Account>
  </GetCallerIdentityResult>
  <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789EXAMPLE</RequestId></ResponseMetadata>
</GetCallerIdentityResponse>`,
    },
  },
  {
    id: 3,
    action: 'AssumeRoleWithWebIdentity',
    startedAt: SIGNED_IN_AT + 60_000,
    roleArn: MISCONFIGURED.arn,
    request: {
      method: 'POST',
      url: STS,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A111111111111%3Arole%2FMisconfiguredTrust&RoleSessionName=alice&WebIdentityToken=(redacted: ${ID_TOKEN.length} characters)`,
    },
    response: {
      status: 403,
      receivedAt: SIGNED_IN_AT + 60_000 + 40,
      headers: xmlHeaders('c3a8f1d2-5b6e-4f70-8a9b-0c1d2e3f4a5b'),
      body: `<ErrorResponse xmlns="${NS}">
  <Error>
    <Type>Sender</Type>
    <Code>AccessDenied</Code>
    <Message>Not authorized to perform sts:AssumeRoleWithWebIdentity</Message>
  </Error>
  <RequestId>c3a8f1d2-5b6e-4f70-8a9b-0c1d2e3f4a5b</RequestId>
</ErrorResponse>`,
    },
  },
];

export const ACCESS_DENIED = new ExplainedError({
  source: 'sts',
  operation: 'AssumeRoleWithWebIdentity',
  code: 'AccessDenied',
  title: 'Your sign-in is not allowed to assume arn:aws:iam::111111111111:role/MisconfiguredTrust',
  hint: "The role's trust policy does not accept your ID token.",
  retryable: false,
  said: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
  status: 403,
  requestId: 'c3a8f1d2-5b6e-4f70-8a9b-0c1d2e3f4a5b',
});
