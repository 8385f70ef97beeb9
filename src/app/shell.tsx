import { useMemo } from 'react';
import { useConfig } from '../config/config-context';
import { createRolePreferencesStore } from '../features/roles/role-preferences';
import type { IdTokenSource } from '../lib/auth/id-token-source';
import { useAuthSession } from '../lib/auth/use-auth-session';
import { SignedInView } from './signed-in-view';
import { SignedOutView } from './signed-out-view';

export function Shell({ getIdToken }: { getIdToken: IdTokenSource }) {
  const config = useConfig();
  const auth = useAuthSession(config.oidc.redirectPath);
  const subject = auth.person?.subject;
  const preferences = useMemo(
    () =>
      createRolePreferencesStore(
        // Role ARNs only, and only when the config allows it (issue: recents and favourites).
        config.rememberRoles ? window.localStorage : undefined,
        `rolecall:role-preferences:${subject ?? ''}`,
      ),
    [config.rememberRoles, subject],
  );

  if (auth.status === 'loading') {
    return (
      <main className="p-8">
        <p role="status">Signing you in…</p>
      </main>
    );
  }
  if (auth.status === 'signed-in' && auth.person) {
    return (
      <SignedInView
        person={auth.person}
        getIdToken={getIdToken}
        preferences={preferences}
        onSignOut={auth.signOut}
        onSignInAgain={auth.signInAgain}
      />
    );
  }
  return (
    <SignedOutView authority={config.oidc.authority} error={auth.error} onSignIn={auth.signIn} />
  );
}
