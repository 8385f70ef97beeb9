import { useId, useState } from 'react';
import { Button } from '../../components/ui/button';
import { Notice } from '../../components/ui/notice';
import { RegionSelect } from '../../components/ui/region-select';
import { Untrusted } from '../../components/ui/untrusted';
import type { RoleSession } from '../../types/session';
import { requestConsoleLogin, type ConsoleProblem } from './broker-client';
import { consolesFromThisTab, MAX_CONSOLE_SESSIONS } from './console-count';
import { CONSOLE_DESTINATIONS, type ConsoleDestination } from './destinations';

type Status =
  | { kind: 'idle' }
  | { kind: 'opening' }
  | { kind: 'opened'; destination: string }
  | { kind: 'failed'; problem: ConsoleProblem };

const popupBlocked: ConsoleProblem = {
  title: 'Your browser blocked the new tab',
  hint: 'Allow pop-ups for this site, then choose Open console again.',
};

/**
 * "Open console" for one session: the broker turns the credentials into a console login URL,
 * which goes straight into a new tab (opened on the click, so pop-up blockers let it through).
 * The URL is never shown, logged or kept. Lazy-loaded.
 */
export default function ConsolePanel({
  session,
  brokerUrl,
  regionChoices,
}: {
  session: RoleSession;
  brokerUrl: string;
  regionChoices: readonly string[];
}) {
  const id = useId();
  const [destination, setDestination] = useState<ConsoleDestination>('console');
  const [region, setRegion] = useState(regionChoices[0] ?? 'us-east-1');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [confirmSixth, setConfirmSixth] = useState(false);
  const chained = session.role.chainFrom !== undefined;
  const arn = session.assumedRoleArn;
  const wouldExceed = consolesFromThisTab.wouldExceed(arn);
  const label = CONSOLE_DESTINATIONS.find((d) => d.id === destination)?.label ?? destination;

  const open = async () => {
    if (wouldExceed && !confirmSixth) {
      setConfirmSixth(true);
      return;
    }
    setConfirmSixth(false);
    // Opened now, inside the click, or a pop-up blocker stops it; pointed at the URL later.
    const tab = window.open('about:blank', '_blank');
    if (!tab) {
      setStatus({ kind: 'failed', problem: popupBlocked });
      return;
    }
    // noopener by hand: the console must not reach back into Rolecall's window.
    tab.opener = null;
    setStatus({ kind: 'opening' });
    const answer = await requestConsoleLogin(
      brokerUrl,
      { credentials: session.credentials, destination, region, chained },
      Date.now(),
    );
    if (!answer.ok) {
      tab.close();
      setStatus({ kind: 'failed', problem: answer.problem });
      return;
    }
    tab.location.replace(answer.loginUrl);
    consolesFromThisTab.record(arn);
    setStatus({ kind: 'opened', destination: label });
  };

  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h3 id={`${id}-heading`} className="text-sm font-semibold text-slate-800">
        AWS console
      </h3>
      <div className="flex flex-wrap items-center gap-4">
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor={`${id}-destination`} className="text-sm font-medium text-slate-800">
            Open at
          </label>
          <select
            id={`${id}-destination`}
            value={destination}
            onChange={(event) => setDestination(event.target.value as ConsoleDestination)}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900"
          >
            {CONSOLE_DESTINATIONS.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label}
              </option>
            ))}
          </select>
        </div>
        <RegionSelect
          label="Console region"
          value={region}
          choices={regionChoices}
          onChange={setRegion}
        />
        <Button
          variant="primary"
          onClick={() => void open()}
          disabled={status.kind === 'opening'}
          aria-describedby={`${id}-about`}
        >
          {confirmSixth ? 'Open anyway' : 'Open console'}
        </Button>
      </div>
      {chained ? (
        <p className="text-sm text-slate-700">
          This is a chained role (reached through another role), so AWS ends its console session
          after 1 hour at most, whatever the role allows.
        </p>
      ) : null}
      <p id={`${id}-about`} className="text-sm text-slate-700">
        Opens in a new tab, signed in as this session. The sign-in link is a secret for 15 minutes:
        Rolecall never shows or keeps it. The console broker sees these credentials for that one
        request.
      </p>
      {confirmSixth ? (
        <Notice tone="warning" title="A sixth console would sign one out">
          <p>
            This tab has opened consoles for {consolesFromThisTab.count()} identities. AWS keeps at
            most {MAX_CONSOLE_SESSIONS} signed in per browser (with multi-session on), so opening
            this one signs out the oldest. Choose Open anyway to go ahead.
          </p>
        </Notice>
      ) : null}
      <details className="text-sm text-slate-700">
        <summary className="cursor-pointer font-medium text-slate-800">
          Several consoles at once
        </summary>
        <p className="mt-1">
          With AWS multi-session support, one browser can be signed in to up to{' '}
          {MAX_CONSOLE_SESSIONS} identities at once. It is opt-in: turn it on from the account menu
          of the console (Turn on multi-session support). Without it, each console sign-in replaces
          the one before. Rolecall counts the consoles opened from this tab only.
        </p>
      </details>
      <div role="status" className="text-sm text-slate-800">
        {status.kind === 'opening' ? 'Opening the console in a new tab…' : null}
        {status.kind === 'opened'
          ? `Opened ${status.destination} in ${region} in a new tab.`
          : null}
      </div>
      {status.kind === 'failed' ? (
        <Notice tone="error" title={status.problem.title}>
          <p>{status.problem.hint}</p>
          {status.problem.said ? (
            <p className="mt-1">
              The broker said: <Untrusted value={status.problem.said} max={400} />
            </p>
          ) : null}
        </Notice>
      ) : null}
    </section>
  );
}
