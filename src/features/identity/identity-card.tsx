import { CopyButton } from '../../components/ui/copy-button';
import { usePresenterText } from '../../components/ui/presenter-mode';
import { Untrusted } from '../../components/ui/untrusted';
import { useConfig } from '../../config/config-context';
import { stsEndpointOf } from '../../utils/aws-partition';
import type { RoleSession } from '../../types/session';
import { identityFacts } from './identity-facts';
import { supportSummary } from './support-summary';

/**
 * Who AWS says these credentials are (GetCallerIdentity), how they were reached and from which
 * token: every value copyable, and a support summary for tickets.
 */
export function IdentityCard({ session }: { session: RoleSession }) {
  const { sts } = useConfig();
  const stsEndpoint = stsEndpointOf(sts);
  const rows = identityFacts(session, (ms) =>
    ms === undefined ? undefined : new Date(ms).toLocaleString(),
  );
  const shown = usePresenterText();
  return (
    <section
      aria-labelledby="identity-heading"
      className="rounded-lg border border-slate-200 bg-white p-4"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="identity-heading" className="text-sm font-semibold text-slate-800">
          Assumed as
        </h3>
        <div className="flex flex-wrap items-center gap-2">
          {/* The support tools sit below the session (app/session-extras.tsx). */}
          <a
            href="#support-tools"
            className="text-sm font-medium text-indigo-800 underline"
            onClick={(event) => {
              // Focus follows the jump, for keyboard and screen-reader users (focus scrolls too).
              const target = document.getElementById('support-tools');
              if (!target) return;
              event.preventDefault();
              target.focus();
            }}
          >
            Support tools
          </a>
          <CopyButton
            text={() =>
              supportSummary(session, { now: Date.now(), stsEndpoint, stsRegion: sts.region })
            }
            what="support summary"
            label="Copy support summary"
          />
        </div>
      </div>
      {session.identityUnconfirmed ? (
        <p className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950">
          <span className="font-semibold">Not confirmed by GetCallerIdentity:</span>{' '}
          {shown(session.identityUnconfirmed.title)}. These facts come from the AssumeRole answer;
          the credentials themselves are fine to use.
        </p>
      ) : null}
      <dl className="mt-2 grid grid-cols-[max-content_1fr_max-content] items-center gap-x-4 gap-y-1 text-sm">
        {rows.map(([term, value]) =>
          value === undefined ? null : (
            <div key={term} className="contents">
              <dt className="text-slate-600">{term}</dt>
              <dd className="font-mono break-all text-slate-900">
                <Untrusted value={shown(value)} max={400} />
              </dd>
              <dd>
                <CopyButton text={value} what={term} variant="ghost" />
              </dd>
            </div>
          ),
        )}
      </dl>
    </section>
  );
}
