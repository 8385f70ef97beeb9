import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExpiryCountdown } from './expiry-countdown';

describe('ExpiryCountdown', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-01T12:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('counts down once a second and says so to screen readers', () => {
    render(<ExpiryCountdown expiresAt={Date.now() + 3581_000} />);
    const timer = screen.getByRole('timer');
    expect(timer).toHaveAccessibleName('Expires in 59:41');
    act(() => {
      vi.advanceTimersByTime(2000);
    });
    expect(timer).toHaveAccessibleName('Expires in 59:39');
  });

  it('says "expired" in words once the time has run out', () => {
    render(<ExpiryCountdown expiresAt={Date.now() + 1000} />);
    act(() => {
      vi.advanceTimersByTime(1000);
    });
    const timer = screen.getByRole('timer');
    expect(timer).toHaveAccessibleName('Expired');
    expect(timer).toHaveTextContent('Expired');
  });
});
