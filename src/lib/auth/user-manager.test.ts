import { UserManager } from 'oidc-client-ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import demoConfig from '../../../public/config.json';
import type { AppConfig } from '../../config/schema';
import { createUserManager, forgetAbandonedSignIns } from './user-manager';

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

describe('forgetAbandonedSignIns', () => {
  afterEach(() => window.sessionStorage.clear());

  it('removes the PKCE state of sign-ins abandoned long ago and keeps one begun just now', async () => {
    const now = Math.floor(Date.now() / 1000);
    const state = (id: string, created: number) =>
      JSON.stringify({ id, created, request_type: 'si:r', code_verifier: `verifier-${id}` });
    window.sessionStorage.setItem('oidc.abandoned', state('abandoned', now - 3600));
    window.sessionStorage.setItem('oidc.in-flight', state('in-flight', now - 30));
    await forgetAbandonedSignIns(
      createUserManager(demoConfig as AppConfig, 'http://localhost:5173'),
    );
    expect(window.sessionStorage.getItem('oidc.abandoned')).toBeNull();
    expect(window.sessionStorage.getItem('oidc.in-flight')).not.toBeNull();
  });
});
