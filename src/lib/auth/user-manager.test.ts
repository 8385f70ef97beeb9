import { UserManager } from 'oidc-client-ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import demoConfig from '../../../public/config.json';
import type { AppConfig } from '../../config/schema';
import { createUserManager } from './user-manager';

const NONCE = expect.stringMatching(/^[\w-]{43}$/);

afterEach(() => vi.restoreAllMocks());

describe('createUserManager', () => {
  const manager = () => createUserManager(demoConfig as AppConfig, 'http://localhost:5173');

  it('sends a fresh nonce with every authorization request: redirect, popup and silent', async () => {
    const redirect = vi.spyOn(UserManager.prototype, 'signinRedirect').mockResolvedValue();
    const popup = vi.spyOn(UserManager.prototype, 'signinPopup').mockResolvedValue(null!);
    const silent = vi.spyOn(UserManager.prototype, 'signinSilent').mockResolvedValue(null);
    const userManager = manager();
    await userManager.signinRedirect({ state: { returnTo: '/' } });
    await userManager.signinRedirect();
    await userManager.signinPopup({ popupAbortOnClose: true });
    await userManager.signinSilent();
    expect(redirect).toHaveBeenCalledWith({ nonce: NONCE, state: { returnTo: '/' } });
    expect(popup).toHaveBeenCalledWith({ nonce: NONCE, popupAbortOnClose: true });
    expect(silent).toHaveBeenCalledWith({ nonce: NONCE });
    const [first, second] = redirect.mock.calls.map(([args]) => args?.nonce);
    expect(first).not.toBe(second);
  });
});
