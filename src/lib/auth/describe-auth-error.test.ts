import { ErrorResponse } from 'oidc-client-ts';
import { describe, expect, it } from 'vitest';
import { describeAuthError } from './describe-auth-error';

const AUTHORITY = 'https://idp.example.com';

/** What the provider's error answer becomes in oidc-client-ts. */
const providerError = (error: string, description?: string) =>
  new ErrorResponse({ error, error_description: description, userState: { returnTo: '/x' } });

/** How react-oidc-context 3.x hands a failed callback on: normalised, the real error inside. */
const wrapped = (innerError: unknown, source = 'signinCallback') => ({
  name: innerError instanceof Error ? innerError.name : 'Error',
  message: innerError instanceof Error ? innerError.message : 'Sign-in failed',
  stack: '',
  innerError,
  source,
});

describe('describeAuthError', () => {
  it('says a cancel at the provider was cancelled, from the wrapped OAuth error code', () => {
    const problem = describeAuthError(
      wrapped(providerError('access_denied', 'End-User aborted interaction')),
      AUTHORITY,
    );
    expect(problem).toMatchObject({
      source: 'auth',
      operation: 'signinCallback',
      code: 'access_denied',
      title: 'Sign-in was cancelled',
      said: 'End-User aborted interaction',
    });
    expect(problem.hint).toContain('Sign in when you are ready');
  });

  it('reads the provider code from an unwrapped error too', () => {
    expect(describeAuthError(providerError('login_required'), AUTHORITY)).toMatchObject({
      code: 'login_required',
      title: 'Your sign-in has expired',
    });
  });

  it('quotes any other provider error and keeps its code for support', () => {
    const problem = describeAuthError(
      wrapped(providerError('invalid_request', 'nonce required')),
      AUTHORITY,
    );
    expect(problem.code).toBe('invalid_request');
    expect(problem.hint).toContain('"invalid_request": nonce required');
  });

  it('names an unreachable provider', () => {
    const problem = describeAuthError(
      new TypeError('Failed to fetch'),
      AUTHORITY,
      'signinRedirect',
    );
    expect(problem).toMatchObject({
      title: 'Your identity provider could not be reached',
      operation: 'signinRedirect',
      retryable: true,
    });
    expect(problem.hint).toContain(AUTHORITY);
  });

  it('points at oidc.authority when discovery answers with HTML', () => {
    const problem = describeAuthError(
      wrapped(new SyntaxError('Unexpected token \'<\', "<!doctype "... is not valid JSON')),
      AUTHORITY,
    );
    expect(problem.title).toBe('The identity provider address does not look like OpenID Connect');
    expect(problem.hint).toContain('oidc.authority');
  });

  it('explains a replayed callback', () => {
    expect(
      describeAuthError(wrapped(new Error('No matching state found in storage')), AUTHORITY).title,
    ).toBe('This sign-in response has already been used');
  });

  it('refuses an ID token whose nonce is not the one sent', () => {
    expect(
      describeAuthError(
        wrapped(new Error('nonce in id_token does not match nonce in client storage')),
        AUTHORITY,
      ),
    ).toMatchObject({
      code: 'NonceMismatch',
      title: 'The sign-in response does not belong to this sign-in',
    });
  });

  it('tells a blocked popup from a closed one', () => {
    expect(
      describeAuthError(
        new Error('Attempted to navigate on a disposed window'),
        AUTHORITY,
        'signinPopup',
      ),
    ).toMatchObject({ code: 'PopupBlocked', title: 'Your browser blocked the sign-in window' });
    expect(
      describeAuthError(new Error('Popup closed by user'), AUTHORITY, 'signinPopup'),
    ).toMatchObject({
      code: 'PopupClosed',
    });
  });
});
