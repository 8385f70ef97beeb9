import { useConfig } from '../config/config-context';
import { useAuthSession } from '../lib/auth/use-auth-session';
import { SignedInView } from './signed-in-view';
import { SignedOutView } from './signed-out-view';

export function Shell() {
  const config = useConfig();
  const auth = useAuthSession(config.oidc.redirectPath);
  if (auth.status === 'loading') {
    return (
      <main className="p-8">
        <p role="status">Signing you in…</p>
      </main>
    );
  }
  if (auth.status === 'signed-in' && auth.person) {
    return <SignedInView person={auth.person} onSignOut={auth.signOut} />;
  }
  return (
    <SignedOutView authority={config.oidc.authority} error={auth.error} onSignIn={auth.signIn} />
  );
}
