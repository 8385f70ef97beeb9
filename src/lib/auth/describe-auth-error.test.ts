import { describe, expect, it } from 'vitest';
import { describeAuthError } from './describe-auth-error';

const AUTHORITY = 'https://idp.example.com';
const providerError = (error: string, message: string) =>
  Object.assign(new Error(message), { name: 'ErrorResponse', error });

describe('describeAuthError', () => {
  it('says a cancelled sign-in was cancelled, from the OAuth error code', () => {
    expect(
      describeAuthError(providerError('access_denied', 'End-User aborted interaction'), AUTHORITY)
        .title,
    ).toBe('Sign-in was cancelled');
  });

  it('names an unreachable provider', () => {
    const problem = describeAuthError(new TypeError('Failed to fetch'), AUTHORITY);
    expect(problem.title).toBe('Your identity provider could not be reached');
    expect(problem.hint).toContain(AUTHORITY);
  });

  it('points at oidc.authority when discovery answers with HTML', () => {
    const problem = describeAuthError(
      new SyntaxError('Unexpected token \'<\', "<!doctype "... is not valid JSON'),
      AUTHORITY,
    );
    expect(problem.title).toBe('The identity provider address does not look like OpenID Connect');
    expect(problem.hint).toContain('oidc.authority');
  });

  it('explains a replayed callback', () => {
    expect(
      describeAuthError(new Error('No matching state found in storage'), AUTHORITY).title,
    ).toBe('This sign-in response has already been used');
  });

  it('quotes any other provider error', () => {
    const problem = describeAuthError(
      providerError('invalid_scope', 'scope not allowed'),
      AUTHORITY,
    );
    expect(problem.hint).toContain('"invalid_scope": scope not allowed');
  });
});
