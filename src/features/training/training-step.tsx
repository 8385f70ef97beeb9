import { useId, type ReactNode } from 'react';
import { showRaw, type Show } from './display';

/** One numbered, collapsible step: its number and heading, a plain explanation and the raw material. */
export function Step({
  number,
  title,
  open = false,
  children,
}: {
  /** Shown as "Step N", as the explanations refer to it. */
  number: number;
  title: string;
  open?: boolean;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <li aria-labelledby={id} className="rounded-lg border border-slate-200">
      <details open={open} className="group">
        <summary className="flex cursor-pointer items-baseline gap-3 rounded-lg p-3 focus-visible:outline-2 focus-visible:outline-indigo-400">
          <span className="shrink-0 text-sm font-semibold text-slate-600">Step {number}</span>
          <h3 id={id} className="text-base font-semibold text-slate-900">
            {title}
          </h3>
          <span className="ml-auto shrink-0 text-sm text-slate-600">
            <span className="group-open:hidden">Show</span>
            <span className="hidden group-open:inline">Hide</span>
          </span>
        </summary>
        <div className="grid gap-3 px-3 pb-3">{children}</div>
      </details>
    </li>
  );
}

export function NoData({ children = 'Sign in to see this step.' }: { children?: string }) {
  return <p className="text-sm text-slate-700 italic">{children}</p>;
}

export function Explanation({ children }: { children: ReactNode }) {
  return <p className="max-w-prose text-sm text-slate-800">{children}</p>;
}

/** Raw text, always redacted (and masked in presenter mode) before it is shown. */
export function RawBlock({ caption, text, show }: { caption: string; text: string; show: Show }) {
  const id = useId();
  return (
    <figure aria-labelledby={id} className="grid gap-1">
      <figcaption id={id} className="text-xs font-medium text-slate-600">
        {caption}
      </figcaption>
      {/* Focusable so that a keyboard can scroll a long message (WCAG 2.1.1). */}
      <pre
        tabIndex={0}
        role="group"
        aria-labelledby={id}
        className="max-h-96 overflow-auto focus-visible:outline-2 focus-visible:outline-indigo-400 rounded bg-slate-900 p-3 font-mono text-xs break-all whitespace-pre-wrap text-slate-50"
      >
        <code>{showRaw(show, text)}</code>
      </pre>
    </figure>
  );
}

export interface Fact {
  term: string;
  /** Shown as code, redacted and masked like raw material. */
  value?: string;
  explanation: string;
}

/** Terms (parameters, claims) with their value and what they are for. */
export function FactList({ facts, show }: { facts: Fact[]; show: Show }) {
  return (
    <dl className="grid gap-2 text-sm">
      {facts.map(({ term, value, explanation }) => (
        <div key={term} className="grid gap-0.5">
          <dt className="font-mono font-semibold break-all text-slate-900">{term}</dt>
          <dd className="text-slate-800">
            {value !== undefined ? (
              <code className="rounded bg-slate-100 px-1 font-mono break-all">
                {showRaw(show, value)}
              </code>
            ) : null}
            {value !== undefined ? ' ' : null}
            {/* Explanations quote token values (kid, tags): redacted like raw material. */}
            <span className="block">{showRaw(show, explanation)}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
