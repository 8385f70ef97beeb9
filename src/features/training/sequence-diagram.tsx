import { useId } from 'react';
import { describeDiagram, LIFELINES, type DiagramRow, type Lifeline } from './diagram-rows';
import type { Show } from './display';

// Drawn in viewBox units; the SVG scales with its width, so text stays ≥ 14 px at 1280 wide.
const WIDTH = 760;
const COLUMN: Record<Lifeline, number> = { Browser: 100, Provider: 380, 'AWS STS': 660 };
const HEAD = 56;
const ROW = 52;

/** The messages of this sign-in between browser, provider and STS, the failed one marked. */
export function SequenceDiagram({ rows, show }: { rows: readonly DiagramRow[]; show: Show }) {
  const id = useId();
  const height = HEAD + Math.max(rows.length, 1) * ROW + 16;
  return (
    <figure aria-labelledby={`${id}-caption`} className="grid min-w-0 gap-2">
      <figcaption id={`${id}-caption`} className="text-base font-semibold text-slate-900">
        The sign-in as a sequence diagram
      </figcaption>
      {/* On a phone the picture keeps its size and scrolls, so its text stays readable. */}
      <div
        tabIndex={0}
        role="group"
        aria-labelledby={`${id}-caption`}
        className="overflow-x-auto rounded focus-visible:outline-2 focus-visible:outline-indigo-400"
      >
        <svg
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          viewBox={`0 0 ${WIDTH} ${height}`}
          className="w-full min-w-[40rem] text-slate-900"
        >
          <title id={`${id}-title`}>Browser, provider and AWS STS, message by message</title>
          <desc id={`${id}-desc`}>{show(describeDiagram(rows))}</desc>
          <defs>
            <marker
              id={`${id}-arrow`}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerUnits="userSpaceOnUse"
              markerWidth="16"
              markerHeight="16"
              orient="auto-start-reverse"
            >
              <path d="M0 0 10 5 0 10z" className="fill-current" />
            </marker>
          </defs>
          {LIFELINES.map((name) => (
            <g key={name}>
              <text
                x={COLUMN[name]}
                y={28}
                textAnchor="middle"
                fontSize={20}
                fontWeight={600}
                className="fill-current"
              >
                {name}
              </text>
              <line
                x1={COLUMN[name]}
                x2={COLUMN[name]}
                y1={40}
                y2={height - 8}
                strokeWidth={2}
                strokeDasharray="4 6"
                className="stroke-slate-400"
              />
            </g>
          ))}
          {rows.map((row, index) => (
            <Arrow
              key={index}
              row={row}
              y={HEAD + index * ROW + 34}
              marker={`${id}-arrow`}
              show={show}
            />
          ))}
        </svg>
      </div>
    </figure>
  );
}

function Arrow({
  row,
  y,
  marker,
  show,
}: {
  row: DiagramRow;
  y: number;
  marker: string;
  show: Show;
}) {
  const from = COLUMN[row.from];
  const to = COLUMN[row.to];
  const middle = (from + to) / 2;
  const colour = row.failed ? 'text-red-700' : 'text-slate-900';
  return (
    <g className={colour}>
      <line
        x1={from}
        x2={to + (to > from ? -4 : 4)}
        y1={y}
        y2={y}
        strokeWidth={row.failed ? 3 : 2}
        strokeDasharray={row.failed ? '8 5' : undefined}
        markerEnd={`url(#${marker})`}
        className="stroke-current"
      />
      <text
        x={middle}
        y={y - 10}
        textAnchor="middle"
        fontSize={18}
        fontWeight={row.failed ? 700 : 400}
        className="fill-current"
      >
        {row.failed ? '✕ ' : ''}
        {`${row.step}. ${show(row.label)}`}
      </text>
    </g>
  );
}
