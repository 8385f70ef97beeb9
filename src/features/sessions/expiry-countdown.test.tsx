import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExpiryCountdown } from './expiry-countdown';

const at = (ms: number) =>
  new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' }).format(ms);

describe('ExpiryCountdown', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-01T12:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('counts down once a second under a name that says when it expires, and keeps that name', () => {
    const expiresAt = Date.now() + 3581_000;
    render(<ExpiryCountdown expiresAt={expiresAt} subject="Developer in Sandbox" />);
    const timer = screen.getByRole('timer');
    expect(timer).toHaveAccessibleName(`Developer in Sandbox expires at ${at(expiresAt)}`);
    expect(timer).toHaveTextContent('59:41');

    act(() => {
      vi.advanceTimersByTime(2000);
    });

    expect(timer).toHaveTextContent('59:39');
    expect(timer).toHaveAccessibleName(`Developer in Sandbox expires at ${at(expiresAt)}`);
  });

  it('turns amber in the last five minutes', () => {
    render(<ExpiryCountdown expiresAt={Date.now() + 301_000} />);
    expect(screen.getByRole('timer')).toHaveClass('text-slate-900');
    act(() => {
      vi.advanceTimersByTime(2000);
    });
    expect(screen.getByRole('timer')).toHaveClass('text-amber-800');
    expect(screen.getByRole('timer')).toHaveTextContent('4:59');
  });

  it('says "expired" in words once the time has run out', () => {
    render(<ExpiryCountdown expiresAt={Date.now() + 1000} subject="Sign-in" />);
    act(() => {
      vi.advanceTimersByTime(1000);
    });
    const timer = screen.getByRole('timer');
    expect(timer).toHaveAccessibleName('Sign-in expired');
    expect(timer).toHaveTextContent('Expired');
  });
});
