import { Suspense, useEffect, useMemo, useState } from 'react';
import { ClipboardNotice } from '../components/ui/clipboard-notice';
import { useConfig } from '../config/config-context';
import { createRolePreferencesStore } from '../features/roles/role-preferences';
import { clearCopiedSecret, setClipboardClearDelay } from '../hooks/clipboard-guard';
import { useIdle } from '../hooks/use-idle';
import { useAuthSession } from '../lib/auth/use-auth-session';
import type { AppServices } from './services';
import { LazySignedInView } from './lazy-signed-in-view';
import { SignedOutView } from './signed-out-view';

export function Shell({ services }: { services: AppServices }) {
  const config = useConfig();
  const auth = useAuthSession(config.oidc.redirectPath);
  const subject = auth.person?.subject;
  // Between forgetting the tokens and the provider's sign-out page: no Sign in button to race it.
  const [signingOut, setSigningOut] = useState(false);
  const preferences = useMemo(
    () =>
      createRolePreferencesStore(
        // Role ARNs only, and only when the config allows remembering them.
        config.rememberRoles ? window.localStorage : undefined,
        `rolecall:role-preferences:${subject ?? ''}`,
      ),
    [config.rememberRoles, subject],
  );

  useEffect(
    () => setClipboardClearDelay(config.security.clipboardClearSeconds),
    [config.security.clipboardClearSeconds],
  );

  // What Rolecall holds for the person beyond their tokens and credentials (those go with the
  // signed-in view's SessionsProvider when it unmounts): the STS journal and the sign-in trace.
  const forgetAppState = () => {
    services.exchanges.clear();
    services.signInTrace.clear();
  };

  const signOut = async () => {
    setSigningOut(true);
    try {
      // While the click still gives the page focus: browsers refuse clipboard writes without it.
      await clearCopiedSecret();
      // On its way to the provider's sign-out page this does not return: the page stays as it is
      // until it leaves.
      await auth.signOut(forgetAppState);
    } finally {
      setSigningOut(false);
    }
  };
  // The idle sign-out, when the config asks for one.
  useIdle(config.security.idleSignOutMinutes, () => {
    if (auth.status === 'signed-in') void signOut();
  });

  if (signingOut) return <Loading text="Signing you out…" />;
  if (auth.status === 'loading') return <Loading />;
  if (auth.status === 'signed-in' && auth.person) {
    return (
      <Suspense fallback={<Loading />}>
        <LazySignedInView
          person={auth.person}
          services={services}
          preferences={preferences}
          onSignOut={signOut}
          onSignInAgain={() =>
            // The new sign-in's own trace is being recorded: only the previous person's journal goes
            // (their sessions go with the SessionsProvider keyed on the subject).
            auth.signInAgain(() => services.exchanges.clear())
          }
        />
      </Suspense>
    );
  }
  return (
    <>
      <ClipboardNotice />
      <SignedOutView error={auth.error} signedOut={auth.signedOut} onSignIn={auth.signIn} />
    </>
  );
}

function Loading({ text = 'Signing you in…' }: { text?: string }) {
  return (
    <main className="p-8">
      <p role="status">{text}</p>
    </main>
  );
}
