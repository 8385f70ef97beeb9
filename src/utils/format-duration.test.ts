import { describe, expect, it } from 'vitest';
import { describeDuration, formatCountdown } from './format-duration';

describe('formatCountdown', () => {
  it.each([
    [3581, '59:41'],
    [3600, '1:00:00'],
    [3900, '1:05:00'],
    [61, '1:01'],
    [9, '0:09'],
    [0, '0:00'],
    [-30, '0:00'],
    [59.9, '0:59'],
    [43200, '12:00:00'],
  ])('formats %s seconds as %s', (seconds, expected) => {
    expect(formatCountdown(seconds)).toBe(expected);
  });
});

describe('describeDuration', () => {
  it.each([
    [3900, '1 hour 5 minutes'],
    [7260, '2 hours 1 minute'],
    [125, '2 minutes 5 seconds'],
    [1, '1 second'],
    [0, '0 seconds'],
    [3600, '1 hour'],
  ])('says %s seconds as "%s"', (seconds, expected) => {
    expect(describeDuration(seconds)).toBe(expected);
  });
});
