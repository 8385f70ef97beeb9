import type { User, UserManager } from 'oidc-client-ts';
import { describe, expect, it, vi } from 'vitest';
import {
  createIdTokenSource,
  RenewalFailed,
  renewalRetryDelayMs,
  SignInRequired,
} from './id-token-source';

const NOW = Date.parse('2026-01-01T12:00:00Z');

function user(idToken: string, expiresInSeconds: number): User {
  return { id_token: idToken, profile: { exp: NOW / 1000 + expiresInSeconds } } as unknown as User;
}

function fakeManager(current: User | null, renew: () => Promise<User | null>) {
  const signinSilent = vi.fn(renew);
  const manager = {
    getUser: () => Promise.resolve(current),
    signinSilent,
    settings: { authority: 'https://idp.example.com' },
  } as unknown as UserManager;
  return { manager, signinSilent };
}

describe('createIdTokenSource', () => {
  it('hands out the current token while it has more than a minute left', async () => {
    const { manager, signinSilent } = fakeManager(user('fresh', 600), () => Promise.resolve(null));
    await expect(createIdTokenSource(manager, () => NOW)()).resolves.toBe('fresh');
    expect(signinSilent).not.toHaveBeenCalled();
  });

  it('renews a token that is about to expire, once for several callers', async () => {
    const { manager, signinSilent } = fakeManager(user('old', 30), () =>
      Promise.resolve(user('renewed', 3600)),
    );
    const source = createIdTokenSource(manager, () => NOW);
    await expect(Promise.all([source(), source()])).resolves.toEqual(['renewed', 'renewed']);
    expect(signinSilent).toHaveBeenCalledTimes(1);
  });

  it('asks the person to sign in again when the provider wants them back', async () => {
    const { manager } = fakeManager(user('old', -10), () =>
      Promise.reject(
        Object.assign(new Error('login required'), {
          name: 'ErrorResponse',
          error: 'login_required',
        }),
      ),
    );
    const failure = createIdTokenSource(manager, () => NOW)();
    await expect(failure).rejects.toBeInstanceOf(SignInRequired);
    await expect(failure).rejects.toMatchObject({
      expiredAt: NOW - 10_000,
      code: 'login_required',
    });
  });

  it('reports an unreachable provider as a passing failure, not as signed out', async () => {
    const { manager } = fakeManager(user('old', 10), () =>
      Promise.reject(new TypeError('Failed to fetch')),
    );
    await expect(createIdTokenSource(manager, () => NOW)()).rejects.toBeInstanceOf(RenewalFailed);
  });

  it('does not accept a renewal that hands back an expired token', async () => {
    const { manager } = fakeManager(user('old', 10), () => Promise.resolve(user('old', 10 - 3600)));
    await expect(createIdTokenSource(manager, () => NOW)()).rejects.toBeInstanceOf(SignInRequired);
  });
});

describe('renewalRetryDelayMs', () => {
  it('tries again soon at first, then once a minute', () => {
    expect([1, 2, 3, 4, 10].map(renewalRetryDelayMs)).toEqual([
      10_000, 20_000, 30_000, 60_000, 60_000,
    ]);
  });
});
