import { act, renderHook, waitFor } from '@testing-library/react';
import { User } from 'oidc-client-ts';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import demoConfig from '../../../public/config.json';
import type { AppConfig } from '../../config/schema';
import { AuthProvider } from './auth-provider';
import { useAuthSession } from './use-auth-session';
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
