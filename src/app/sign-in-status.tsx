import { useEffect, useState, type ReactNode } from 'react';
import { ActionButton } from '../components/ui/action-button';
import { Button } from '../components/ui/button';
import { ExpiryCountdown } from '../features/sessions/expiry-countdown';
import { useHasPassed, useNow } from '../hooks/use-now';
import {
  RenewalFailed,
  renewalRetryDelayMs,
  type IdTokenSource,
} from '../lib/auth/id-token-source';
import { formatCountdown } from '../utils/format-duration';

/** The failed renewals of one ID token (one expiry): a new token starts afresh. */
interface Renewal {
  expiresAt: number;
  failures: number;
  /** When to try again: only while the provider cannot be reached, never when it wants the person. */
  retryAt?: number;
}

/**
 * The ID token's own lifetime. When it runs out, it is renewed silently. If the provider wants the
 * person back, they are told while their credentials keep counting down, and offered to sign in
 * again without losing them; if the provider cannot be reached, Rolecall says so and tries again
 * on a schedule it shows.
 */
export function SignInStatus({
  expiresAt,
  getIdToken,
  onSignInAgain,
}: {
  expiresAt?: number;
  getIdToken: IdTokenSource;
  onSignInAgain: () => Promise<void>;
}) {
  const expired = useHasPassed(expiresAt ?? Infinity);
  const [renewal, setRenewal] = useState<Renewal>();
  const current = renewal?.expiresAt === expiresAt ? renewal : undefined;
  const retryDue = useHasPassed(current ? (current.retryAt ?? Infinity) : 0);
  const attemptDue = expired && expiresAt !== undefined && retryDue;

  useEffect(() => {
    if (!attemptDue) return;
    let live = true;
    getIdToken().catch((error: unknown) => {
      if (!live) return;
      setRenewal((previous) => {
        const failures = (previous?.expiresAt === expiresAt ? previous.failures : 0) + 1;
        const retryAt =
          error instanceof RenewalFailed ? Date.now() + renewalRetryDelayMs(failures) : undefined;
        return { expiresAt, failures, retryAt };
      });
    });
    return () => {
      live = false;
    };
  }, [attemptDue, expiresAt, getIdToken]);

  if (expiresAt === undefined) return null;
  if (!expired || !current) {
    return (
      <p className="flex items-baseline gap-1 text-slate-700">
        {/* The timer's own name says it all; the visible prefix is not read twice. */}
        <span aria-hidden="true">Sign-in expires in</span>
        <ExpiryCountdown expiresAt={expiresAt} subject="Sign-in" />
      </p>
    );
  }
  if (current.retryAt !== undefined) {
    const retryAt = current.retryAt;
    return (
      <Banner
        title="Your identity provider cannot be reached."
        text="Your sign-in ran out and could not be renewed; credentials keep working until they expire."
      >
        <RetryCountdown at={retryAt} />
        <Button onClick={() => setRenewal({ ...current, retryAt: Date.now() })}>Try now</Button>
      </Banner>
    );
  }
  return (
    <Banner
      title="Your sign-in has expired."
      text="Credentials keep working until they expire but cannot be refreshed."
    >
      <ActionButton action={onSignInAgain}>Sign in again</ActionButton>
    </Banner>
  );
}

function Banner({ title, text, children }: { title: string; text: string; children: ReactNode }) {
  return (
    <div
      role="alert"
      className="flex flex-wrap items-center gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-1 text-amber-950"
    >
      <span>
        <span className="font-semibold">{title}</span> {text}
      </span>
      {children}
    </div>
  );
}

function RetryCountdown({ at }: { at: number }) {
  const now = useNow();
  const seconds = Math.max(0, Math.ceil((at - now) / 1000));
  return (
    <span role="timer" aria-label={`Trying again in ${formatCountdown(seconds)}`}>
      {seconds > 0 ? `Trying again in ${formatCountdown(seconds)}` : 'Trying again…'}
    </span>
  );
}
