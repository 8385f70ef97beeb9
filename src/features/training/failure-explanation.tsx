import { useId } from 'react';
import { useNow } from '../../hooks/use-now';
import type { RoleOption } from '../roles/role-catalog';
import { showRaw, type Show } from './display';
import { explainStsError } from './explain-sts-error';
import type { Claims } from './token-claims';

export interface Failure {
  code: string;
  awsMessage?: string;
  action?: string;
  requestId?: string;
  endpoint?: string;
}

/** "Why it failed": what the error means, its likely cause here and the fix, in plain words. */
export function FailureExplanation({
  failure,
  claims,
  issuer,
  role,
  show,
}: {
  failure: Failure;
  claims?: Claims;
  issuer: string;
  role?: RoleOption;
  show: Show;
}) {
  const id = useId();
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
      aria-labelledby={id}
      className="grid gap-3 rounded-lg border border-red-300 bg-red-50 p-4 text-red-950"
    >
      <h3 id={id} className="text-base font-semibold">
        Why it failed
      </h3>
      <p className="text-sm font-medium">
        {showRaw(
          show,
          `${failure.action ?? 'The call'} failed with ${failure.code}${failure.requestId ? ` (request id ${failure.requestId})` : ''}.`,
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
