import { useEffect, useState } from 'react';
import { Button } from '../components/ui/button';
import { ExpiryCountdown } from '../features/sessions/expiry-countdown';
import { useHasPassed } from '../hooks/use-now';
import type { IdTokenSource } from '../lib/auth/id-token-source';

/**
 * The ID token's own lifetime. When it runs out, one silent renewal is tried; if the provider wants
 * the person back, they are told while their credentials keep counting down, and offered to sign in
 * again without losing them.
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
  // Re-renders when the token expires, not on every tick of the clock.
  const expired = useHasPassed(expiresAt ?? Infinity);
  // The expiry whose silent renewal failed: a new token (a new expiry) clears it by itself.
  const [renewalFailedFor, setRenewalFailedFor] = useState<number>();
  const [reauthError, setReauthError] = useState<string>();

  useEffect(() => {
    if (!expired) return;
    let current = true;
    getIdToken().catch(() => current && setRenewalFailedFor(expiresAt));
    return () => {
      current = false;
    };
  }, [expired, expiresAt, getIdToken]);

  if (expiresAt === undefined) return null;
  if (!expired || renewalFailedFor !== expiresAt) {
    return (
      <p className="flex items-baseline gap-1 text-slate-700">
        {/* The timer's own name says it all; the visible prefix is not read twice. */}
        <span aria-hidden="true">Sign-in expires in</span>
        <ExpiryCountdown expiresAt={expiresAt} subject="Sign-in" />
      </p>
    );
  }
  return (
    <div
      role="alert"
      className="flex flex-wrap items-center gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-1 text-amber-950"
    >
      <span>
        <span className="font-semibold">Your sign-in has expired.</span> Credentials keep working
        until they expire but cannot be refreshed.
        {reauthError ? ` ${reauthError}` : ''}
      </span>
      <Button
        variant="primary"
        onClick={() => {
          setReauthError(undefined);
          onSignInAgain().catch(() =>
            setReauthError('Signing in again did not complete: try once more.'),
          );
        }}
      >
        Sign in again
      </Button>
    </div>
  );
}
