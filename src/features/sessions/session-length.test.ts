import { describe, expect, it } from 'vitest';
import { lengthChoices, sessionLength, sessionLimits } from './session-length';

describe('sessionLimits', () => {
  it("uses the role's own maximum", () => {
    expect(sessionLimits({ maxDurationSeconds: 14_400 })).toMatchObject({ min: 900, max: 14_400 });
  });

  it('falls back to the STS maximum of 12 hours', () => {
    expect(sessionLimits({})).toMatchObject({ max: 43_200 });
  });

  it('caps a chained role at 1 hour, whatever its own maximum', () => {
    expect(
      sessionLimits({ chainFrom: 'arn:aws:iam::111111111111:role/Hub', maxDurationSeconds: 7200 }),
    ).toMatchObject({
      max: 3600,
      reason: expect.stringContaining('1 hour'),
    });
  });
});

describe('sessionLength', () => {
  it('keeps a request within the limits', () => {
    const limits = sessionLimits({ maxDurationSeconds: 3600 });
    expect(sessionLength(limits, 43_200)).toBe(3600);
    expect(sessionLength(limits, 60)).toBe(900);
    expect(sessionLength(limits, 1800)).toBe(1800);
  });
});

describe('lengthChoices', () => {
  it('offers common lengths up to the limit, and the limit itself', () => {
    expect(lengthChoices(sessionLimits({ maxDurationSeconds: 5400 }))).toEqual([
      900, 1800, 3600, 5400,
    ]);
    expect(lengthChoices(sessionLimits({ chainFrom: 'x' }))).toEqual([900, 1800, 3600]);
  });
});
