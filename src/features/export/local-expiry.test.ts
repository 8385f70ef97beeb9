import { describe, expect, it } from 'vitest';
import { localExpiry } from './local-expiry';

describe('localExpiry', () => {
  it('writes the local time with its offset from UTC, in ASCII', () => {
    const at = Date.UTC(2026, 0, 1, 13, 0, 0);
    const text = localExpiry(at);
    expect(text).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \(UTC[+-]\d{2}:\d{2}\)$/);
    const [, hh, mm, sign, oh, om] =
      /(\d{2}):(\d{2}):\d{2} \(UTC([+-])(\d{2}):(\d{2})\)/.exec(text) ?? [];
    const offset = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
    const minutes = (((Number(hh) * 60 + Number(mm) - offset) % 1440) + 1440) % 1440;
    expect(minutes).toBe(13 * 60);
  });
});
