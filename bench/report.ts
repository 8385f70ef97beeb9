import type { Sample } from './stats.ts';

/** One line of the benchmark's table: a measured figure beside its goal. */
export interface Figure {
  /** Stable key for the JSON output, e.g. `click.later.added`. */
  key: string;
  label: string;
  unit: 'ms' | 'ms/s' | 'KB' | 'MB' | 'req/s' | '×';
  /** Missing when the figure could not be measured; `note` then says why. */
  sample?: Sample;
  goal?: { text: string; met: (median: number) => boolean };
  note?: string;
}

export interface FigureResult extends Omit<Figure, 'goal'> {
  goal?: string;
  met?: boolean;
}

export function resultOf(figure: Figure): FigureResult {
  const { goal, ...rest } = figure;
  if (!goal) return rest;
  return {
    ...rest,
    goal: goal.text,
    met: figure.sample ? goal.met(figure.sample.median) : undefined,
  };
}

const digits = (value: number) => (Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
const show = (value: number) => value.toFixed(digits(value));

/** The figures as a plain-text table, one row each, goal and verdict at the end. */
export function renderTable(results: readonly FigureResult[]): string {
  const rows = results.map((result) => {
    const sample = result.sample;
    const verdict = result.met === undefined ? '' : result.met ? 'met' : 'MISSED';
    return [
      result.label,
      sample ? `${show(sample.median)} ${result.unit}` : '—',
      sample && sample.runs > 1 ? `${show(sample.min)}–${show(sample.max)}` : '',
      sample ? String(sample.runs) : '',
      result.goal ?? '',
      verdict,
      result.note ?? '',
    ];
  });
  const header = ['figure', 'median', 'spread', 'runs', 'goal', '', 'note'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column].length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === 1 ? cell.padStart(widths[column]) : cell.padEnd(widths[column]),
      )
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
    '\n',
  );
}
