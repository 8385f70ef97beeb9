import { useId } from 'react';
import { CopyButton } from '../../components/ui/copy-button';
import { usePresenterText } from '../../components/ui/presenter-mode';
import { useConfig } from '../../config/config-context';
import type { RoleSession } from '../../types/session';
import { traceLookups } from './trace';

/** Trace this session: the CloudTrail lookups, as console links and CLI commands. */
export function TraceSession({ session }: { session: RoleSession }) {
  const id = useId();
  const { sts } = useConfig();
  const shown = usePresenterText();
  const lookups = traceLookups({
    partition: sts.partition,
    stsRegion: sts.region,
    accountId: session.role.accountId,
    assumeAction: session.role.chainFrom ? 'AssumeRole' : 'AssumeRoleWithWebIdentity',
    accessKeyId: session.credentials.accessKeyId,
    roleSessionName: session.roleSessionName,
    sourceIdentity: session.sourceIdentity,
    receivedAt: session.receivedAt,
  });
  return (
    <section aria-labelledby={`${id}-h`} className="grid gap-2">
      <h4 id={`${id}-h`} className="text-sm font-semibold text-slate-800">
        Trace this session
      </h4>
      <p className="text-sm text-slate-700">
        Run these in account {shown(session.role.accountId)} with a role that may read CloudTrail
        (cloudtrail:LookupEvents). Event history keeps 90 days of management events, per region.
      </p>
      <ol className="grid gap-3">
        {lookups.map((lookup) => (
          <li key={lookup.title} className="grid gap-1 text-sm">
            <p className="font-medium text-slate-900">{lookup.title}</p>
            <p className="text-slate-700">{shown(lookup.explain)}</p>
            {lookup.consoleUrl ? (
              <a
                href={lookup.consoleUrl}
                target="_blank"
                rel="noopener noreferrer"
                className="text-indigo-800 underline"
              >
                Open in CloudTrail event history
                <span className="sr-only"> ({lookup.title})</span>
              </a>
            ) : null}
            <div className="flex items-start gap-2">
              <pre className="min-w-0 flex-1 rounded bg-slate-900 p-2 font-mono text-xs break-all whitespace-pre-wrap text-slate-50">
                <code>{shown(lookup.command)}</code>
              </pre>
              <CopyButton text={lookup.command} what={`command: ${lookup.title}`} />
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
