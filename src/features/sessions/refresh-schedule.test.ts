import { describe, expect, it } from 'vitest';
import { localExpiry, refreshDelayMs, refreshIsOverdue } from './refresh-schedule';

const receivedAt = Date.parse('2026-01-01T12:00:00Z');
const hour = 3_600_000;
const minute = 60_000;

describe('refreshDelayMs', () => {
  it('refreshes the lead time before expiry', () => {
    expect(
      refreshDelayMs({
        receivedAt,
        localExpiresAt: receivedAt + hour,
        leadMs: 5 * minute,
        now: receivedAt,
        lastRefresh: 'ok',
      }),
    ).toBe(55 * minute);
  });

  it('counts from now, not from when the credentials arrived', () => {
    expect(
      refreshDelayMs({
        receivedAt,
        localExpiresAt: receivedAt + hour,
        leadMs: 5 * minute,
        now: receivedAt + 50 * minute,
        lastRefresh: 'ok',
      }),
    ).toBe(5 * minute);
  });

  it('never refreshes sooner than 10 seconds after the credentials arrived', () => {
    expect(
      refreshDelayMs({
        receivedAt,
        localExpiresAt: receivedAt + 15 * minute,
        leadMs: 20 * minute,
        now: receivedAt,
        lastRefresh: 'ok',
      }),
    ).toBe(10_000);
  });

  it('waits at least a second when a refresh is overdue', () => {
    expect(
      refreshDelayMs({
        receivedAt,
        localExpiresAt: receivedAt + hour,
        leadMs: 5 * minute,
        now: receivedAt + 58 * minute,
        lastRefresh: 'ok',
      }),
    ).toBe(1000);
  });

  it('retries every 30 seconds after a failure while the credentials still work', () => {
    const base = {
      receivedAt,
      localExpiresAt: receivedAt + hour,
      leadMs: 5 * minute,
      lastRefresh: 'failed' as const,
    };
    expect(refreshDelayMs({ ...base, now: receivedAt + 56 * minute })).toBe(30_000);
    expect(refreshDelayMs({ ...base, now: receivedAt + hour - 10_000 })).toBe(10_000);
    expect(refreshDelayMs({ ...base, now: receivedAt + hour + 1 })).toBe(false);
  });

  it('stops when only the person can fix it (sign in again)', () => {
    expect(
      refreshDelayMs({
        receivedAt,
        localExpiresAt: receivedAt + hour,
        leadMs: 5 * minute,
        now: receivedAt,
        lastRefresh: 'needs-person',
      }),
    ).toBe(false);
  });
});

describe('a refusal no retry can change', () => {
  it('stops the schedule instead of sending the same refused call every 30 seconds', () => {
    expect(
      refreshDelayMs({
        receivedAt,
        localExpiresAt: receivedAt + hour,
        leadMs: 5 * minute,
        now: receivedAt + 56 * minute,
        lastRefresh: 'refused',
      }),
    ).toBe(false);
  });
});

describe('localExpiry', () => {
  it("moves AWS's expiry onto this computer's clock", () => {
    expect(localExpiry(receivedAt + hour, 5 * minute)).toBe(receivedAt + 55 * minute);
    expect(localExpiry(receivedAt + hour, -2 * minute)).toBe(receivedAt + 62 * minute);
  });
});

describe('refreshIsOverdue', () => {
  const session = { receivedAt, localExpiresAt: receivedAt + hour };
  it('is false before the refresh is due and true after (a laptop that slept)', () => {
    expect(refreshIsOverdue(session, 300, receivedAt + 54 * minute)).toBe(false);
    expect(refreshIsOverdue(session, 300, receivedAt + 56 * minute)).toBe(true);
  });
});
