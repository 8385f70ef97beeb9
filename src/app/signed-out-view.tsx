import { useState } from 'react';
import { Button } from '../components/ui/button';
import { Notice } from '../components/ui/notice';
import { Untrusted } from '../components/ui/untrusted';
import { useConfig } from '../config/config-context';
import { configuredAccountName, linkRequest } from '../features/roles/deep-link';
import type { SignOutOutcome } from '../lib/auth/auth-provider';
import { ExplainedError, supportLine } from '../utils/explained-error';

const SIGNED_OUT: Record<SignOutOutcome, { title: string; text: string }> = {
  'provider-ended': {
    title: 'You are signed out',
    text: 'Rolecall forgot your tokens and credentials, and your identity provider ended its session too.',
  },
  'local-only: provider has no sign-out': {
    title: 'You are signed out of Rolecall',
    text: "Rolecall forgot your tokens and credentials. Your identity provider does not let apps end its session, so you are probably still signed in there: sign out on the provider's own site, or close the browser, to end that too.",
  },
  'local-only: provider sign-out not confirmed': {
    title: 'You are signed out of Rolecall',
    text: "Rolecall forgot your tokens and credentials, but could not confirm that your identity provider ended its session, so you may still be signed in there: sign out on the provider's own site, or close the browser, to end that too.",
  },
  'local-only: provider unreachable': {
    title: 'You are signed out of Rolecall',
    text: "Rolecall forgot your tokens and credentials, but your identity provider could not be reached to end its session, so you may still be signed in there: sign out on the provider's own site, or close the browser, to end that too.",
  },
};

export function SignedOutView({
  error,
  signedOut,
  onSignIn,
}: {
  /** Why the last sign-in callback failed. */
  error?: ExplainedError;
  signedOut?: SignOutOutcome;
  onSignIn: () => Promise<void>;
}) {
  const [redirecting, setRedirecting] = useState(false);
  const [signInError, setSignInError] = useState<ExplainedError>();
  const problem = signInError ?? error;
  const { accounts } = useConfig();
  const [asked] = useState(() => linkRequest(window.location.search));

  const signIn = async () => {
    setSignInError(undefined);
    setRedirecting(true);
    try {
      await onSignIn();
    } catch (failure) {
      // lib/auth explains every failure of its own.
      setSignInError(failure instanceof ExplainedError ? failure : undefined);
      setRedirecting(false);
    }
  };

  return (
    <main className="mx-auto grid max-w-2xl gap-6 p-8">
      <div className="grid gap-2">
        <h1 className="text-3xl font-semibold text-slate-900">Rolecall</h1>
        <p className="text-slate-700">
          Short-lived AWS credentials in your browser. Sign in with your organisation&apos;s
          identity provider, choose a role, and Rolecall asks AWS STS for temporary keys. They stay
          in this tab&apos;s memory only: closing or reloading the tab forgets them.
        </p>
      </div>
      {problem ? (
        // A cancel at the provider is the person's own choice, not a failure.
        <Notice tone={problem.code === 'access_denied' ? 'info' : 'error'} title={problem.title}>
          <p>{problem.hint}</p>
          {problem.code === 'access_denied' ? null : (
            <p className="mt-2 font-mono text-xs">{supportLine(problem)}</p>
          )}
        </Notice>
      ) : signedOut ? (
        <Notice tone="info" title={SIGNED_OUT[signedOut].title}>
          {SIGNED_OUT[signedOut].text}
        </Notice>
      ) : null}
      {asked ? (
        // The link is anyone's to write: what it asks for is echoed quoted and cut.
        <p className="text-slate-800">
          After you sign in, Rolecall opens the role “<Untrusted value={asked.role} max={64} />”
          {asked.account ? (
            <>
              {' '}
              in {configuredAccountName(accounts, asked.account) ?? 'account'} “
              <Untrusted value={asked.account} max={64} />”
            </>
          ) : null}
          .
        </p>
      ) : null}
      <Button
        variant="primary"
        className="w-max px-5 py-2 text-base"
        onClick={() => void signIn()}
        disabled={redirecting}
      >
        {redirecting ? 'Signing in…' : 'Sign in'}
      </Button>
    </main>
  );
}
