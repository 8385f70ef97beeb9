import { usePresenterMode } from '../../components/ui/presenter-mode';
import { useNow } from '../../hooks/use-now';
import { describeDuration, formatCountdown } from '../../utils/format-duration';

/**
 * A live countdown to `expiresAt`, driven by the app's shared clock. Its accessible name says what
 * expires: "Expires in 59:41", "Sign-in expires in 0:52", "Developer in Sandbox expired".
 */
export function ExpiryCountdown({ expiresAt, subject }: { expiresAt: number; subject?: string }) {
  const now = useNow();
  const presenter = usePresenterMode();
  const secondsLeft = Math.max(0, Math.floor((expiresAt - now) / 1000));
  const expired = secondsLeft === 0;
  const text = expired ? 'Expired' : formatCountdown(secondsLeft);
  const lead = subject ? `${subject} expires in` : 'Expires in';
  const tone = expired
    ? 'font-semibold text-red-800'
    : secondsLeft < 300
      ? 'text-amber-800'
      : 'text-slate-900';
  return (
    <span
      role="timer"
      aria-label={expired ? (subject ? `${subject} expired` : 'Expired') : `${lead} ${text}`}
      title={expired ? 'Expired' : `${lead} ${describeDuration(secondsLeft)}`}
      className={`font-mono tabular-nums ${presenter ? 'text-2xl' : ''} ${tone}`}
    >
      {text}
    </span>
  );
}
