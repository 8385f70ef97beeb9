import { describe, expect, it } from 'vitest';
import { summarise } from './stats.ts';

describe('summarise', () => {
  it('gives the median and the spread of an odd number of runs', () => {
    expect(summarise([30, 10, 20])).toEqual({ median: 20, min: 10, max: 30, runs: 3 });
  });

  it('takes the mean of the two middle runs when their number is even', () => {
    expect(summarise([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4, runs: 4 });
  });

  it('refuses to summarise nothing rather than report a zero', () => {
    expect(() => summarise([])).toThrow(/no values/);
  });
});
