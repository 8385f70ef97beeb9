import { useId } from 'react';
import { EXPORT_FORMATS, type ExportFormatId } from './formats';

/** Native radio buttons: arrow keys move between formats, and the dot shows the choice. */
export function FormatPicker({
  value,
  onChange,
}: {
  value: ExportFormatId;
  onChange: (id: ExportFormatId) => void;
}) {
  const name = useId();
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-800">Format</legend>
      <div className="mt-2 flex flex-wrap gap-2">
        {EXPORT_FORMATS.map((format) => (
          <label
            key={format.id}
            className="inline-flex cursor-pointer items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm text-slate-900 has-checked:border-indigo-700 has-checked:bg-indigo-50 has-checked:font-semibold has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-indigo-600"
          >
            <input
              type="radio"
              name={name}
              value={format.id}
              checked={format.id === value}
              onChange={() => onChange(format.id)}
              className="accent-indigo-700"
            />
            {format.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
