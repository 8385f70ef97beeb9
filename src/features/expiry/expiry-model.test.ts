import { describe, expect, it } from 'vitest';
import { SignInRequired } from '../../lib/auth/id-token-source';
import { expiryAwareness, timeLeftText, type WatchedSession } from './expiry-model';

const NOW = Date.parse('2026-01-01T12:00:00Z');
const MIN = 60_000;

function session(
  name: string,
  expiresInMs: number | undefined,
  error: Error | null = null,
): WatchedSession {
  return {
    role: { arn: arn(name), label: name, accountName: 'Sandbox' },
    localExpiresAt: expiresInMs === undefined ? undefined : NOW + expiresInMs,
    error,
  };
}

const arn = (name: string) => `arn:aws:iam::111111111111:role/${name}`;

describe('timeLeftText', () => {
  it('counts minutes, hours, then seconds in the last minute', () => {
    expect(timeLeftText(42 * MIN)).toBe('42 min');
    expect(timeLeftText(41 * MIN + 1)).toBe('42 min');
    expect(timeLeftText(65 * MIN)).toBe('1 h 5 min');
    expect(timeLeftText(120 * MIN)).toBe('2 h');
    expect(timeLeftText(45_000)).toBe('45 s');
    expect(timeLeftText(0)).toBe('expired');
  });
});

describe('expiryAwareness', () => {
  it('titles the tab with the selected session and its time left', () => {
    const sessions = [session('Developer', 42 * MIN), session('Admin', 5 * MIN)];
    expect(expiryAwareness(sessions, arn('Developer'), NOW, 10).title).toBe(
      'Developer · 42 min — Rolecall',
    );
    expect(expiryAwareness(sessions, arn('Admin'), NOW, 10).title).toBe('Admin · 5 min — Rolecall');
  });

  it('says only Rolecall with nothing selected, and the role alone while it opens', () => {
    expect(expiryAwareness([], undefined, NOW, 10).title).toBe('Rolecall');
    expect(
      expiryAwareness([session('Developer', undefined)], arn('Developer'), NOW, 10).title,
    ).toBe('Developer — Rolecall');
  });

  it('marks the title while any session needs the person', () => {
    const failing = session('Admin', 30 * MIN, new Error('network'));
    const sessions = [session('Developer', 42 * MIN), failing];
    expect(expiryAwareness(sessions, arn('Developer'), NOW, 10).title).toBe(
      '⚠ Developer · 42 min — Rolecall',
    );
    expect(expiryAwareness([session('Admin', -1)], undefined, NOW, 10).title).toBe('⚠ Rolecall');
  });

  it('warns about sessions near expiry that cannot be refreshed, not those that still retry', () => {
    const signIn = new SignInRequired(NOW);
    const sessions = [
      session('Near', 9 * MIN, signIn),
      session('Far', 30 * MIN, signIn),
      session('Retrying', 2 * MIN, new Error('network')),
      session('Fine', 1 * MIN),
    ];
    const { warnings } = expiryAwareness(sessions, undefined, NOW, 10);
    expect(warnings.map((warning) => warning.label)).toEqual(['Near']);
    expect(warnings[0]?.key).toBe(`${arn('Near')} ${NOW + 9 * MIN}`);
  });
});
