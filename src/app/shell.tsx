import { Suspense, useMemo, useState } from 'react';
import { useConfig } from '../config/config-context';
import { createRolePreferencesStore } from '../features/roles/role-preferences';
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

  // What Rolecall holds for the person beyond their tokens: credentials, the STS journal, the trace.
  const forgetAppState = () => {
    services.queryClient.clear();
    services.exchanges.clear();
    services.signInTrace.clear();
  };

  if (signingOut) return <Loading text="Signing you out…" />;
  if (auth.status === 'loading') return <Loading />;
  if (auth.status === 'signed-in' && auth.person) {
    const signOut = async () => {
      setSigningOut(true);
      let outcome: Awaited<ReturnType<typeof auth.signOut>> | undefined;
      try {
        outcome = await auth.signOut(forgetAppState);
      } finally {
        // On its way to the provider's sign-out page, the page stays as it is until it leaves.
        if (outcome !== 'redirecting') setSigningOut(false);
      }
    };
    return (
      <Suspense fallback={<Loading />}>
        <LazySignedInView
          person={auth.person}
          services={services}
          preferences={preferences}
          onSignOut={signOut}
          onSignInAgain={() =>
            // The new sign-in's own trace is being recorded: only the previous person's sessions go.
            auth.signInAgain(() => {
              services.queryClient.clear();
              services.exchanges.clear();
            })
          }
        />
      </Suspense>
    );
  }
  return <SignedOutView error={auth.error} signedOut={auth.signedOut} onSignIn={auth.signIn} />;
}

function Loading({ text = 'Signing you in…' }: { text?: string }) {
  return (
    <main className="p-8">
      <p role="status">{text}</p>
    </main>
  );
}
