import { useEffect, useId, useRef } from 'react';
import { EXPLANATION_ANCHOR } from '../../hooks/use-explanation-link';
import { useNow } from '../../hooks/use-now';
import type { StsFailure } from '../../lib/aws/sts-error-facts';
import { explainStsError } from '../../lib/aws/sts-errors';
import type { Claims } from '../../utils/claims';
import type { RoleOption } from '../../types/role';
import { showRaw, type Show } from './display';

export type Failure = StsFailure & { requestId?: string };

/** "Why it failed": what the error means, its likely cause here and the fix, in plain words. */
export function FailureExplanation({
  failure,
  claims,
  issuer,
  role,
  show,
  focusRequested = false,
  onFocused,
}: {
  failure: Failure;
  /** Someone followed the error card's "Why it failed": take focus once (which scrolls it into view). */
  focusRequested?: boolean;
  onFocused?: () => void;
  claims?: Claims;
  issuer: string;
  role?: RoleOption;
  show: Show;
}) {
  const id = useId();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!focusRequested || !ref.current) return;
    ref.current.focus();
    onFocused?.();
  }, [focusRequested, onFocused]);
  // Only an expired token's explanation depends on the time ("… 7 minutes ago").
  const now = useNow();
  const { meaning, likelyCause, fix } = explainStsError({ ...failure, claims, issuer, role, now });
  const rows: [string, string][] = [
    ['Meaning', meaning],
    ['Likely cause', likelyCause],
    ['Fix', fix],
  ];
  return (
    <section
      ref={ref}
      id={EXPLANATION_ANCHOR}
      tabIndex={-1}
      aria-labelledby={id}
      className="grid scroll-mt-4 gap-3 rounded-lg border border-red-300 bg-red-50 p-4 text-red-950 focus-visible:outline-2 focus-visible:outline-indigo-400"
    >
      <h3 id={id} className="text-base font-semibold">
        Why it failed
      </h3>
      <p className="text-sm font-medium">
        {showRaw(
          show,
          `${failure.action} failed with ${failure.code}${failure.requestId ? ` (request id ${failure.requestId})` : ''}.`,
        )}
      </p>
      <dl className="grid gap-2 text-sm">
        {rows.map(([term, text]) => (
          <div key={term}>
            <dt className="font-semibold">{term}</dt>
            <dd>{showRaw(show, text)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
