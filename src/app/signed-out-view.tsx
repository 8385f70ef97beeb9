import { useState } from 'react';
import { Button } from '../components/ui/button';
import { Notice } from '../components/ui/notice';
import { describeAuthError } from '../lib/auth/describe-auth-error';

export function SignedOutView({
  authority,
  error,
  onSignIn,
}: {
  authority: string;
  error?: unknown;
  onSignIn: () => Promise<void>;
}) {
  const [redirecting, setRedirecting] = useState(false);
  const [signInError, setSignInError] = useState<unknown>(undefined);
  const problem = signInError ?? error;
  const described = problem ? describeAuthError(problem, authority) : undefined;

  const signIn = async () => {
    setSignInError(undefined);
    setRedirecting(true);
    try {
      await onSignIn();
    } catch (failure) {
      setSignInError(failure);
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
      {described ? (
        <Notice tone="error" title={described.title}>
          {described.hint}
        </Notice>
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
