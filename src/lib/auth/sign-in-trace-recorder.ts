import type { User, UserManager } from 'oidc-client-ts';
import { decodeJwt } from '../../utils/jwt';
import { redactParams, redactUrl } from '../../utils/redact';
import type { SignInTrace } from './sign-in-trace';

export interface SignInTraceRecorder {
  get: () => SignInTrace;
  subscribe: (onChange: () => void) => () => void;
  clear: () => void;
}

/**
 * Records the sign-in for the training view. Call before the callback is processed: the PKCE
 * request state is read from sessionStorage (never written) while it still exists, and only the
 * public code challenge and the verifier's length are kept.
 */
export function recordSignInTrace(
  userManager: UserManager,
  location: Location = window.location,
): SignInTraceRecorder {
  let trace: SignInTrace = {};
  const listeners = new Set<() => void>();
  const update = (next: SignInTrace) => {
    trace = next;
    listeners.forEach((notify) => notify());
  };

  const params = new URLSearchParams(location.search);
  const state = params.get('state');
  if (state && params.has('code')) {
    trace = {
      callback: { url: redactUrl(location.href), params: Object.fromEntries(redactParams(params)) },
    };
    void describeAuthorizationRequest(userManager, state).then(
      (authorizationRequest) => authorizationRequest && update({ ...trace, authorizationRequest }),
      () => undefined,
    );
  }

  userManager.events.addUserLoaded((user) => {
    void describeTokens(userManager, user).then(
      (tokens) => update({ ...trace, ...tokens }),
      () => undefined,
    );
  });

  return {
    get: () => trace,
    subscribe: (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    clear: () => update({}),
  };
}

interface StoredSigninState {
  client_id?: string;
  redirect_uri?: string;
  scope?: string;
  code_verifier?: string;
  nonce?: string;
  response_mode?: string;
}

async function describeAuthorizationRequest(
  userManager: UserManager,
  state: string,
): Promise<SignInTrace['authorizationRequest']> {
  // oidc-client-ts keeps the request state under "oidc.<state>" until the callback removes it.
  const stored = window.sessionStorage.getItem(`oidc.${state}`);
  if (!stored) return undefined;
  const request = JSON.parse(stored) as StoredSigninState;
  const endpoint = await userManager.metadataService.getAuthorizationEndpoint();
  const params: Record<string, string> = {
    client_id: request.client_id ?? '',
    redirect_uri: request.redirect_uri ?? '',
    response_type: 'code',
    scope: request.scope ?? '',
    state,
  };
  if (request.code_verifier) {
    params.code_challenge = await s256(request.code_verifier);
    params.code_challenge_method = 'S256';
  }
  if (request.nonce) params.nonce = request.nonce;
  if (request.response_mode) params.response_mode = request.response_mode;
  return { endpoint, params, codeVerifierLength: request.code_verifier?.length };
}

async function describeTokens(userManager: UserManager, user: User): Promise<SignInTrace> {
  const endpoint = await userManager.metadataService.getTokenEndpoint(false);
  const tokens = (
    [
      ['id_token', user.id_token],
      ['access_token', user.access_token],
      ['refresh_token', user.refresh_token],
    ] as const
  )
    .filter(([, value]) => typeof value === 'string' && value.length > 0)
    .map(([name, value]) => ({ name, length: value!.length }));
  return {
    tokenResponse: {
      endpoint: endpoint ?? '',
      tokenType: user.token_type,
      scope: user.scope,
      expiresAt: user.expires_at ? user.expires_at * 1000 : undefined,
      tokens,
    },
    idToken: user.id_token ? decodeJwt(user.id_token) : undefined,
  };
}

async function s256(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return btoa(String.fromCharCode(...new Uint8Array(digest)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
