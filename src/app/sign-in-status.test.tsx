import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RenewalFailed, SignInRequired } from '../lib/auth/id-token-source';
import { SignInStatus } from './sign-in-status';

const NOW = Date.parse('2026-01-01T12:00:00Z');

/** Lets the rejected renewal reach React. */
async function settle() {
  await act(async () => {
    await Promise.resolve();
  });
}

describe('SignInStatus once the ID token has run out', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it('says the provider cannot be reached, not that the sign-in expired, and tries again as it says', async () => {
    const getIdToken = vi.fn(() => Promise.reject(new RenewalFailed('https://idp.example.com')));
    render(<SignInStatus expiresAt={NOW - 1000} getIdToken={getIdToken} onSignInAgain={vi.fn()} />);
    await settle();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Your identity provider cannot be reached.',
    );
    expect(screen.getByRole('alert')).not.toHaveTextContent('Your sign-in has expired');
    expect(screen.getByRole('timer')).toHaveAccessibleName('Trying again in 0:10');
    expect(getIdToken).toHaveBeenCalledTimes(1);

    await act(async () => {
      await vi.advanceTimersByTimeAsync(10_000);
    });
    expect(getIdToken).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('timer')).toHaveAccessibleName('Trying again in 0:20');
  });

  it('asks the person to sign in again, without retrying, when the provider wants them', async () => {
    const getIdToken = vi.fn(() =>
      Promise.reject(new SignInRequired(NOW - 1000, 'login_required')),
    );
    render(<SignInStatus expiresAt={NOW - 1000} getIdToken={getIdToken} onSignInAgain={vi.fn()} />);
    await settle();
    expect(screen.getByRole('alert')).toHaveTextContent('Your sign-in has expired.');
    expect(screen.getByRole('button', { name: 'Sign in again' })).toBeEnabled();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(120_000);
    });
    expect(getIdToken).toHaveBeenCalledTimes(1);
  });
});
