import { useId } from 'react';
import { useThemeChoice, type ThemeChoice } from './theme-choice';

const CHOICES: { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** System / Light / Dark: a labelled menu, reachable by keyboard. */
export function ThemeToggle() {
  const id = useId();
  const [choice, setChoice] = useThemeChoice();
  return (
    <span className="flex items-center gap-1.5">
      <label htmlFor={id} className="text-slate-700">
        Theme
      </label>
      <select
        id={id}
        value={choice}
        onChange={(event) => setChoice(event.target.value as ThemeChoice)}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-slate-900"
      >
        {CHOICES.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </span>
  );
}
