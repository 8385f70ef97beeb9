import { memo } from 'react';
import { Button } from '../components/ui/button';
import { Untrusted } from '../components/ui/untrusted';
import type { IdTokenSource } from '../lib/auth/id-token-source';
import type { SignedInPerson } from '../lib/auth/use-auth-session';
import { SignInStatus } from './sign-in-status';
import { ThemeToggle } from './theme-toggle';

export const SignedInHeader = memo(function SignedInHeader({
  person,
  getIdToken,
  canSwitch,
  presenter,
  onPresenterChange,
  onOpenSwitcher,
  onSignInAgain,
  onSignOut,
}: {
  person: SignedInPerson;
  getIdToken: IdTokenSource;
  canSwitch: boolean;
  presenter: boolean;
  onPresenterChange: (on: boolean) => void;
  onOpenSwitcher: () => void;
  onSignInAgain: () => Promise<void>;
  onSignOut: () => Promise<void>;
}) {
  return (
    <header className="flex flex-wrap items-center justify-between gap-x-6 gap-y-2 border-b border-slate-200 bg-white px-6 py-3 text-sm">
      <h1 className="text-xl font-semibold text-slate-900">Rolecall</h1>
      <SignInStatus
        expiresAt={person.idTokenExpiresAt}
        getIdToken={getIdToken}
        onSignInAgain={onSignInAgain}
      />
      <div className="flex flex-wrap items-center gap-3">
        {canSwitch ? (
          <Button onClick={onOpenSwitcher} aria-keyshortcuts="Control+K Meta+K">
            Switch role{' '}
            <kbd className="rounded border border-slate-300 px-1 font-mono text-xs">Ctrl K</kbd>
          </Button>
        ) : null}
        <Button aria-pressed={presenter} onClick={() => onPresenterChange(!presenter)}>
          Presenter mode{presenter ? ': on' : ''}
        </Button>
        <ThemeToggle />
        <p className="min-w-0 break-words">
          Signed in as{' '}
          <span className="font-semibold">
            <Untrusted value={person.name} max={80} />
          </span>
          {person.email && person.email !== person.name ? (
            <span className="text-slate-600">
              {' '}
              (<Untrusted value={person.email} max={80} />)
            </span>
          ) : null}
        </p>
        <Button onClick={() => void onSignOut()}>Sign out</Button>
      </div>
    </header>
  );
});
