import { useId } from 'react';

export function ProfileNameField({
  value,
  resolved,
  onChange,
}: {
  value: string;
  /** The name actually written, after sanitising. */
  resolved: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="grid gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        Profile name
      </label>
      <input
        id={id}
        type="text"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={`${id}-hint`}
        autoComplete="off"
        spellCheck={false}
        className="max-w-sm rounded-md border border-slate-300 px-2 py-1 font-mono text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      />
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        Letters, digits, dot, underscore and hyphen.
        {resolved === value ? null : (
          <>
            {' '}
            Written as <span className="font-mono">[{resolved}]</span>.
          </>
        )}
      </p>
    </div>
  );
}
