import { describe, expect, it } from 'vitest';
import { renderTable, resultOf, type Figure } from './report.ts';

const figure = (median: number, extra: Partial<Figure> = {}): Figure => ({
  key: 'clock.50',
  label: '50 sessions: main thread',
  unit: 'ms/s',
  sample: { median, min: median - 1, max: median + 2, runs: 5 },
  goal: { text: '≤ 2 ms/s', met: (value) => value <= 2 },
  ...extra,
});

describe('the benchmark table', () => {
  it('says whether each goal is met from the median', () => {
    expect(resultOf(figure(1.5)).met).toBe(true);
    expect(resultOf(figure(2.5)).met).toBe(false);
  });

  it('shows the median, the spread, the runs and the goal on one row', () => {
    const table = renderTable([resultOf(figure(19))]);
    expect(table).toMatch(
      /50 sessions: main thread\s+19\.0 ms\/s\s+18\.0–21\.0\s+5\s+≤ 2 ms\/s\s+MISSED/,
    );
  });

  it('says why a figure is missing instead of printing a number', () => {
    const missing = resultOf(figure(0, { sample: undefined, note: 'not on main yet' }));
    expect(missing.met).toBeUndefined();
    expect(renderTable([missing])).toMatch(/—.*not on main yet/);
  });
});
