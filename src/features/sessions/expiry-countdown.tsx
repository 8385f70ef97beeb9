import { usePresenterMode } from '../../components/ui/presenter-mode';
import { useNow } from '../../hooks/use-now';
import { describeDuration, formatCountdown } from '../../utils/format-duration';

/** A live countdown to `expiresAt`, driven by the app's shared clock. */
export function ExpiryCountdown({
  expiresAt,
  label = 'Expires in',
}: {
  expiresAt: number;
  label?: string;
}) {
  const now = useNow();
  const presenter = usePresenterMode();
  const secondsLeft = Math.max(0, Math.floor((expiresAt - now) / 1000));
  const expired = secondsLeft === 0;
  const text = expired ? 'Expired' : formatCountdown(secondsLeft);
  return (
    <span
      role="timer"
      aria-label={expired ? `${label.replace(/ in$/, '')}: expired` : `${label} ${text}`}
      title={expired ? 'Expired' : `${label} ${describeDuration(secondsLeft)}`}
      className={`font-mono tabular-nums ${presenter ? 'text-2xl' : ''} ${expired ? 'font-semibold text-red-800' : secondsLeft < 300 ? 'text-amber-800' : 'text-slate-900'}`}
    >
      {text}
    </span>
  );
}
