import { useCallback, useRef } from 'react';
import { usePresenterMode } from '../../components/ui/presenter-mode';
import { useHasPassed, useTickingText } from '../../hooks/use-now';
import { formatCountdown } from '../../utils/format-duration';

const SOON_MS = 5 * 60_000;
const clockTime = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

/**
 * A live countdown to `expiresAt` on the app's shared clock. Its accessible name says what expires
 * and when, "Expires at 14:05" or "Developer in Sandbox expired", and changes only when that does:
 * a timer is not a live region, and a name that changed every second would be noise.
 *
 * Each second rewrites only the digits' own text node, in a fixed-size, contained box, so the rest
 * of the page is neither re-rendered nor laid out again; off screen or in a hidden tab, nothing
 * is written at all.
 */
export function ExpiryCountdown({ expiresAt, subject }: { expiresAt: number; subject?: string }) {
  const presenter = usePresenterMode();
  const expired = useHasPassed(expiresAt);
  const soon = useHasPassed(expiresAt - SOON_MS);
  const size = presenter ? 'text-2xl' : '';
  if (expired) {
    return (
      <span
        role="timer"
        aria-label={subject ? `${subject} expired` : 'Expired'}
        title="Expired"
        className={`font-mono font-semibold text-red-800 ${size}`}
      >
        Expired
      </span>
    );
  }
  const name = `${subject ? `${subject} expires` : 'Expires'} at ${clockTime.format(expiresAt)}`;
  return (
    <span
      role="timer"
      aria-label={name}
      title={`${subject ? `${subject} expires` : 'Expires'} at ${new Date(expiresAt).toLocaleTimeString()}`}
      className={`font-mono tabular-nums ${soon ? 'text-amber-800' : 'text-slate-900'} ${size}`}
    >
      <CountdownDigits expiresAt={expiresAt} />
    </span>
  );
}

function CountdownDigits({ expiresAt }: { expiresAt: number }) {
  const digits = useRef<HTMLSpanElement>(null);
  const textAt = useCallback(
    (now: number) => formatCountdown(Math.max(0, Math.floor((expiresAt - now) / 1000))),
    [expiresAt],
  );
  useTickingText(digits, textAt);
  // Bottom-aligned and one line high, the contained box sits on the text's own baseline.
  return (
    <span
      ref={digits}
      className="inline-block h-[1lh] align-bottom whitespace-nowrap [contain:strict]"
    />
  );
}
