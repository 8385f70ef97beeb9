import { useId, useState } from 'react';
import { Button } from '../../components/ui/button';
import { Notice } from '../../components/ui/notice';
import { RegionSelect } from '../../components/ui/region-select';
import { useRevealState } from '../../components/ui/secrets-lock';
import { useCopy } from '../../hooks/use-copy';
import { maskForPresenter } from '../../utils/mask';
import type { ExportInput } from './export-input';
import { FormatPicker } from './format-picker';
import { exportFormat, type ExportFormatId } from './formats';
import { defaultProfileName, resolveProfileName } from './profile-name';
import { ProfileNameField } from './profile-name-field';
import { maskSecrets, renderExport } from './render-export';

export interface ExportPanelProps extends ExportInput {
  /** The regions offered; `region` is the one chosen at first. */
  regionChoices?: readonly string[];
  /** Expired credentials are shown but cannot be copied. */
  expired: boolean;
  /** Presenter mode: the secrets cannot be revealed on screen (copying still works). */
  presenter?: boolean;
}

/** Ready-to-paste credentials for shells, files and credential_process. Lazy-loaded. */
export default function ExportPanel({
  expired,
  presenter = false,
  regionChoices,
  ...session
}: ExportPanelProps) {
  const id = useId();
  const [region, setRegion] = useState(session.region);
  const input: ExportInput = { ...session, region };
  const [formatId, setFormatId] = useState<ExportFormatId>('bash');
  // Untouched, the name follows the session, so a new role gets its own default.
  const [typedProfile, setTypedProfile] = useState<string>();
  const [revealed, setRevealed] = useRevealState();
  const [copiedLabel, setCopiedLabel] = useState('');
  const { state: copyState, copy } = useCopy({ secret: true });
  // Leaving presenter mode must not bring back secrets revealed before it started.
  if (presenter && revealed) setRevealed(false);

  const format = exportFormat(formatId);
  const options = { profileName: typedProfile };
  const real = renderExport(format, input, options);
  const shown = revealed && !presenter;
  // A value the format refuses is refused masked or not, so the real text decides.
  const visible = shown || !real.ok ? real : renderExport(format, maskSecrets(input), options);
  // On a shared screen the key id and account id go too (GetAccessKeyInfo maps one to the other).
  const onScreen = (text: string) => (presenter ? maskForPresenter(text) : text);
  const copyable = real.ok && !expired;

  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h3 id={`${id}-heading`} className="text-sm font-semibold text-slate-800">
        Export credentials
      </h3>
      <FormatPicker value={formatId} onChange={setFormatId} />
      {regionChoices && regionChoices.length > 1 ? (
        <RegionSelect label="Region" value={region} choices={regionChoices} onChange={setRegion} />
      ) : null}
      {format.usesProfileName ? (
        <ProfileNameField
          value={typedProfile ?? onScreen(defaultProfileName(input))}
          resolved={onScreen(resolveProfileName(typedProfile, input))}
          onChange={setTypedProfile}
        />
      ) : null}
      <p className="text-sm text-slate-700">{format.description}</p>

      {visible.ok ? (
        <figure aria-labelledby={`${id}-caption`} className="grid gap-1">
          <figcaption id={`${id}-caption`} className="text-xs font-medium text-slate-600">
            {format.label} export{shown ? '' : ' (secrets hidden)'}
          </figcaption>
          <pre className="rounded bg-slate-900 p-3 font-mono text-sm break-all whitespace-pre-wrap text-slate-50">
            <code>{onScreen(visible.text)}</code>
          </pre>
        </figure>
      ) : (
        <Notice tone="error" title={`Cannot export as ${format.label}`}>
          <p id={`${id}-problem`}>{visible.problem} Choose another format.</p>
        </Notice>
      )}

      <p className="text-sm text-slate-700">
        {shown
          ? 'Secrets are visible: hide them before sharing your screen.'
          : 'The secret access key and session token are hidden; Copy still copies the real values.'}
      </p>
      {presenter ? (
        <p id={`${id}-presenter`} className="text-sm text-slate-700">
          Presenter mode is on, so secrets cannot be revealed.
        </p>
      ) : null}
      {expired ? (
        <p id={`${id}-expired`} className="text-sm font-semibold text-red-800">
          These credentials have expired and cannot be copied. Assume the role again for fresh ones.
        </p>
      ) : null}

      <div className="flex flex-wrap items-center gap-2">
        <Button
          disabled={presenter}
          aria-describedby={presenter ? `${id}-presenter` : undefined}
          onClick={() => setRevealed((was) => !was)}
        >
          {shown ? 'Hide secrets' : 'Reveal secrets'}
        </Button>
        <Button
          variant="primary"
          aria-label={`Copy ${format.label} export`}
          disabled={!copyable}
          aria-describedby={expired ? `${id}-expired` : !real.ok ? `${id}-problem` : undefined}
          onClick={() => {
            if (!real.ok) return;
            setCopiedLabel(format.label);
            void copy(real.text);
          }}
        >
          Copy
        </Button>
        <span role="status" className="text-sm font-medium text-slate-800">
          {/* Beside the format that was copied only: another format chosen since says nothing. */}
          {copyState === 'copied' && copiedLabel === format.label
            ? `Copied ${copiedLabel} export`
            : copyState === 'failed'
              ? 'Could not copy: your browser refused clipboard access.'
              : ''}
        </span>
      </div>
    </section>
  );
}
