import { act, renderHook, waitFor } from '@testing-library/react';
import { User } from 'oidc-client-ts';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import demoConfig from '../../../public/config.json';
import type { AppConfig } from '../../config/schema';
import { AuthProvider } from './auth-provider';
import { PROVIDER_SIGN_OUT_PAGE_WAIT_MS, useAuthSession } from './use-auth-session';
import { createUserManager } from './user-manager';

const NOW = Math.floor(Date.now() / 1000);

function userFor(sub: string): User {
  return new User({
    id_token: `id-token-of-${sub}`,
    access_token: 'access',
    token_type: 'Bearer',
    profile: { sub, iss: 'http://localhost:5180', aud: 'rolecall', exp: NOW + 3600, iat: NOW },
  });
}

async function signedInAs(sub: string) {
  const userManager = createUserManager(demoConfig as AppConfig, 'http://localhost:5173');
  await userManager.storeUser(userFor(sub));
  const wrapper = ({ children }: { children: ReactNode }) => (
    <AuthProvider userManager={userManager}>{children}</AuthProvider>
  );
  const { result } = renderHook(() => useAuthSession('/callback'), { wrapper });
  await waitFor(() => expect(result.current.status).toBe('signed-in'));
  return { userManager, session: () => result.current };
}

describe('useAuthSession().signInAgain', () => {
  it('forgets the app state when someone else signed in in the popup', async () => {
    const { userManager, session } = await signedInAs('user-alice');
    vi.spyOn(userManager, 'signinPopup').mockImplementation(async () => {
      const bob = userFor('user-bob');
      await userManager.storeUser(bob);
      await userManager.events.load(bob);
      return bob;
    });
    const forgetAppState = vi.fn();
    await act(() => session().signInAgain(forgetAppState));
    expect(forgetAppState).toHaveBeenCalledOnce();
    expect(session().person?.subject).toBe('user-bob');
  });

  it('keeps the app state when the same person signed in again', async () => {
    const { userManager, session } = await signedInAs('user-alice');
    vi.spyOn(userManager, 'signinPopup').mockResolvedValue(userFor('user-alice'));
    const forgetAppState = vi.fn();
    await act(() => session().signInAgain(forgetAppState));
    expect(forgetAppState).not.toHaveBeenCalled();
  });

  it('rejects, in words, when the popup was closed, and forgets nothing', async () => {
    const { userManager, session } = await signedInAs('user-alice');
    vi.spyOn(userManager, 'signinPopup').mockRejectedValue(new Error('Popup closed by user'));
    const forgetAppState = vi.fn();
    await expect(session().signInAgain(forgetAppState)).rejects.toThrow(
      'The sign-in window was closed before you signed in',
    );
    expect(forgetAppState).not.toHaveBeenCalled();
  });
});

describe('useAuthSession().signOut', () => {
  afterEach(() => vi.useRealTimers());

  async function signingOutTo(provider: { signoutRedirect: () => Promise<void> }) {
    const { userManager, session } = await signedInAs('user-alice');
    vi.spyOn(userManager.metadataService, 'getEndSessionEndpoint').mockResolvedValue(
      'http://localhost:5180/session/end',
    );
    vi.spyOn(userManager, 'revokeTokens').mockResolvedValue();
    vi.spyOn(userManager, 'signoutRedirect').mockImplementation(provider.signoutRedirect);
    return { userManager, session };
  }

  it('does not return while the browser is on its way to the provider', async () => {
    const { session } = await signingOutTo({ signoutRedirect: () => new Promise(() => {}) });
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    let settled = false;
    const forgetAppState = vi.fn();
    void session()
      .signOut(forgetAppState)
      .then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(PROVIDER_SIGN_OUT_PAGE_WAIT_MS - 100);
    expect(settled).toBe(false);
    expect(forgetAppState).toHaveBeenCalledOnce();
  });

  it("says the provider's sign-out page was not shown when this page is still here after the wait", async () => {
    // A provider answering 204: the browser never leaves, and oidc-client-ts never settles.
    const { session } = await signingOutTo({ signoutRedirect: () => new Promise(() => {}) });
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const outcome = session().signOut(vi.fn());
    await vi.advanceTimersByTimeAsync(PROVIDER_SIGN_OUT_PAGE_WAIT_MS);
    await expect(outcome).resolves.toBe('local-only: provider sign-out not confirmed');
    vi.useRealTimers();
    await waitFor(() =>
      expect(session()).toMatchObject({
        status: 'signed-out',
        signedOut: 'local-only: provider sign-out not confirmed',
      }),
    );
  });

  it('says the same when the person came back before the provider finished', async () => {
    // oidc-client-ts settles on `pageshow`: the page came back from the back-forward cache.
    const { session } = await signingOutTo({ signoutRedirect: () => Promise.resolve() });
    await expect(act(() => session().signOut(vi.fn()))).resolves.toBe(
      'local-only: provider sign-out not confirmed',
    );
  });
});
