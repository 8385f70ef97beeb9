import { User, type UserManager } from 'oidc-client-ts';
import { afterEach, describe, expect, it } from 'vitest';
import { redactSecrets } from '../../utils/redact';
import type { SignInTrace } from './sign-in-trace';
import { recordSignInTrace } from './sign-in-trace-recorder';

const CODE = 'SplxlOBeZQQYbYS6WxSbIAw1';
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const STATE = '3f9c1e0a7b2d4c6e8a1b3d5f7e9c0a2b';
const base64url = (value: unknown) =>
  btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const ID_TOKEN = `${base64url({ alg: 'ES256', kid: 'k1' })}.${base64url({
  iss: 'http://localhost:5180',
  sub: 'user-alice',
  aud: ['rolecall', 'api'],
  azp: 'rolecall',
  nonce: 'n-0S6_WzA2Mj',
  exp: 1_800_000_000,
})}.c2lnbmF0dXJl`;

function fakeUserManager() {
  const loaded: ((user: User) => void)[] = [];
  const userManager = {
    metadataService: {
      getAuthorizationEndpoint: async () => 'http://localhost:5180/auth',
      getTokenEndpoint: async () => 'http://localhost:5180/token',
    },
    events: { addUserLoaded: (listener: (user: User) => void) => loaded.push(listener) },
  } as unknown as UserManager;
  return { userManager, signIn: (user: User) => loaded.forEach((listener) => listener(user)) };
}

async function recordedTrace(): Promise<SignInTrace> {
  window.sessionStorage.setItem(
    `oidc.${STATE}`,
    JSON.stringify({
      client_id: 'rolecall',
      redirect_uri: 'http://localhost:5173/callback',
      scope: 'openid profile email offline_access',
      code_verifier: VERIFIER,
    }),
  );
  const { userManager, signIn } = fakeUserManager();
  const location = new URL(
    `http://localhost:5173/callback?code=${CODE}&state=${STATE}&iss=http%3A%2F%2Flocalhost%3A5180`,
  ) as unknown as Location;
  const recorder = recordSignInTrace(userManager, location);
  const changed = new Promise<void>((resolve) => {
    let updates = 0;
    recorder.subscribe(() => (updates += 1) === 2 && resolve());
  });
  signIn(
    new User({
      id_token: ID_TOKEN,
      access_token: 'at-0123456789abcdefghijklmnopqrstuvwxyzABCDE',
      refresh_token: 'rt-0123456789abcdefghijklmnopqrstuvwxyzABCDE',
      token_type: 'Bearer',
      scope: 'openid profile email offline_access',
      profile: { sub: 'user-alice', iss: 'http://localhost:5180', aud: 'rolecall', exp: 0, iat: 0 },
    }),
  );
  await changed;
  return recorder.get();
}

/** Every string a trace holds, and its decoded token as the training view prints it. */
function textsOf(trace: SignInTrace): string[] {
  const strings = (value: unknown): string[] =>
    typeof value === 'string'
      ? [value]
      : typeof value === 'object' && value !== null
        ? Object.values(value).flatMap(strings)
        : [];
  return [
    ...strings({ ...trace, idToken: undefined }),
    JSON.stringify(trace.idToken?.header, null, 2),
    JSON.stringify(trace.idToken?.payload, null, 2),
  ];
}

afterEach(() => window.sessionStorage.clear());

describe('recordSignInTrace', () => {
  it('keeps neither the code, the verifier nor any token', async () => {
    const trace = await recordedTrace();
    const recorded = JSON.stringify(trace);
    for (const secret of [CODE, VERIFIER, ID_TOKEN, 'at-0123456789', 'rt-0123456789']) {
      expect(recorded).not.toContain(secret);
    }
    expect(trace.callback?.params).toMatchObject({ state: STATE, iss: 'http://localhost:5180' });
    expect(trace.authorizationRequest?.codeVerifierLength).toBe(VERIFIER.length);
    expect(trace.tokenResponse?.tokens.map(({ name }) => name)).toEqual([
      'id_token',
      'access_token',
      'refresh_token',
    ]);
  });

  it('records nothing the safety net would still change', async () => {
    const texts = textsOf(await recordedTrace());
    expect(texts.length).toBeGreaterThan(10);
    for (const text of texts) expect(redactSecrets(text)).toBe(text);
  });
});
