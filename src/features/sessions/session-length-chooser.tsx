import { useId } from 'react';
import { describeDuration } from '../../utils/format-duration';
import type { RoleOption } from '../../types/role';
import { lengthChoices, sessionLimits } from './session-length';

/** Lets the person choose how long the next credentials last, and says why the limits are what they are. */
export function SessionLengthChooser({
  role,
  current,
  refusedFrom,
  onChange,
  disabled,
}: {
  role: RoleOption;
  /** The length of the credentials in hand. */
  current: number;
  /** A length AWS refused for this role: it and longer ones are not offered again. */
  refusedFrom?: number;
  onChange: (seconds: number) => void;
  disabled: boolean;
}) {
  const id = useId();
  const limits = sessionLimits(role);
  const choices = lengthChoices(limits).filter(
    (seconds) => refusedFrom === undefined || seconds < refusedFrom || seconds === current,
  );
  return (
    <div className="grid gap-1 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={id} className="font-medium text-slate-800">
          Session length
        </label>
        <select
          id={id}
          aria-describedby={`${id}-limits`}
          value={choices.includes(current) ? current : ''}
          disabled={disabled}
          onChange={(event) => onChange(Number(event.target.value))}
          className="rounded-md border border-slate-300 bg-white px-2 py-1"
        >
          {choices.includes(current) ? null : <option value="">{describeDuration(current)}</option>}
          {choices.map((seconds) => (
            <option key={seconds} value={seconds}>
              {describeDuration(seconds)}
            </option>
          ))}
        </select>
      </div>
      <p id={`${id}-limits`} className="text-slate-600">
        Between {describeDuration(limits.min)} (the STS minimum) and {describeDuration(limits.max)}:{' '}
        {limits.reason} Choosing a length gets new credentials now.
      </p>
    </div>
  );
}
