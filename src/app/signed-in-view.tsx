import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { Button } from '../components/ui/button';
import { Notice } from '../components/ui/notice';
import { useConfig } from '../config/config-context';
import { linkForRole, roleFromLink } from '../features/roles/deep-link';
import { QuickAccess } from '../features/roles/quick-access';
import { allRoles, rolesForPerson, type RoleOption } from '../features/roles/role-catalog';
import { RoleList } from '../features/roles/role-list';
import type { RolePreferencesStore } from '../features/roles/role-preferences';
import { RoleSwitcher } from '../features/roles/role-switcher';
import { ActiveSessions } from '../features/sessions/active-sessions';
import { SessionEnvironmentProvider } from '../features/sessions/session-environment';
import { SessionPanel } from '../features/sessions/session-panel';
import { sessionQueries, type SessionEnvironment } from '../features/sessions/session-queries';
import type { IdTokenSource } from '../lib/auth/id-token-source';
import type { SignedInPerson } from '../lib/auth/use-auth-session';
import { useSts } from '../lib/aws/sts-context';
import { SessionExtras } from './session-extras';
import { SignInStatus } from './sign-in-status';
import { useShortcut } from './use-shortcut';

export function SignedInView({
  person,
  getIdToken,
  preferences,
  onSignOut,
  onSignInAgain,
}: {
  person: SignedInPerson;
  getIdToken: IdTokenSource;
  preferences: RolePreferencesStore;
  onSignOut: () => Promise<void>;
  onSignInAgain: () => Promise<void>;
}) {
  const config = useConfig();
  const sts = useSts();
  const queryClient = useQueryClient();
  const accounts = useMemo(() => rolesForPerson(config, person.claims), [config, person.claims]);
  const roles = useMemo(() => allRoles(accounts), [accounts]);
  const findRole = useCallback((arn: string) => roles.find((role) => role.arn === arn), [roles]);
  const [linked] = useState(() => ({
    search: window.location.search,
    role: roleFromLink(window.location.search, roles),
  }));
  const [selectedArn, setSelectedArn] = useState<string | undefined>(linked.role?.arn);
  const [switcherOpen, setSwitcherOpen] = useState(false);
  const chosenLengths = useRef(new Map<string, number>());
  const prefs = useSyncExternalStore(preferences.subscribe, preferences.get);
  const selected = selectedArn ? findRole(selectedArn) : undefined;

  const claim = person.claims[config.session.sessionNameClaim];
  const environment = useMemo<SessionEnvironment>(
    () => ({
      sts,
      getIdToken,
      queryClient,
      subject: person.subject,
      sessionNameSource: typeof claim === 'string' ? claim : person.subject,
      refreshLeadSeconds: config.session.refreshLeadSeconds,
      requestedSeconds: (arn) => chosenLengths.current.get(arn) ?? config.session.durationSeconds,
      findRole,
    }),
    [sts, getIdToken, queryClient, person.subject, claim, config.session, findRole],
  );

  const select = useCallback(
    (role: RoleOption) => {
      setSelectedArn(role.arn);
      preferences.markUsed(role.arn);
    },
    [preferences],
  );

  useEffect(() => {
    window.history.replaceState(
      window.history.state,
      '',
      `${window.location.pathname}${linkForRole(selected, window.location.search)}`,
    );
  }, [selected]);

  useShortcut('k', () => setSwitcherOpen(true));

  const changeLength = (role: RoleOption, seconds: number) => {
    chosenLengths.current.set(role.arn, seconds);
    void queryClient.refetchQueries({
      queryKey: sessionQueries.detail(environment, role).queryKey,
      exact: true,
    });
  };

  const signInAgain = async () => {
    await onSignInAgain();
    await queryClient.refetchQueries({
      queryKey: sessionQueries.all(person.subject),
      predicate: (query) => query.state.status === 'error',
    });
  };

  const signOut = async () => {
    queryClient.clear();
    await onSignOut();
  };

  const favourites = prefs.favourites.map(findRole).filter((role) => role !== undefined);
  const recents = prefs.recents.map(findRole).filter((role) => role !== undefined);

  return (
    <SessionEnvironmentProvider environment={environment}>
      <div className="min-h-screen">
        <header className="flex flex-wrap items-center justify-between gap-x-6 gap-y-2 border-b border-slate-200 bg-white px-6 py-3 text-sm">
          <h1 className="text-xl font-semibold text-slate-900">Rolecall</h1>
          <SignInStatus
            expiresAt={person.idTokenExpiresAt}
            getIdToken={getIdToken}
            onSignInAgain={signInAgain}
          />
          <div className="flex flex-wrap items-center gap-3">
            {accounts.length > 0 ? (
              <Button onClick={() => setSwitcherOpen(true)} aria-keyshortcuts="Control+K Meta+K">
                Switch role{' '}
                <kbd className="rounded border border-slate-300 px-1 font-mono text-xs">Ctrl K</kbd>
              </Button>
            ) : null}
            <p>
              Signed in as <span className="font-semibold">{person.name}</span>
              {person.email && person.email !== person.name ? (
                <span className="text-slate-600"> ({person.email})</span>
              ) : null}
            </p>
            <Button onClick={() => void signOut()}>Sign out</Button>
          </div>
        </header>
        <main className="grid gap-6 p-6 md:grid-cols-[20rem_1fr]">
          <div className="grid content-start gap-5">
            <ActiveSessions
              selectedArn={selectedArn}
              onOpen={select}
              onEnded={(role) => role.arn === selectedArn && setSelectedArn(undefined)}
            />
            <QuickAccess
              favourites={favourites}
              recents={recents}
              selectedArn={selectedArn}
              onSelect={select}
            />
            <h2 className="text-lg font-semibold text-slate-900">Your roles</h2>
            {accounts.length === 0 ? (
              <Notice tone="info" title="You have no AWS roles yet">
                Your sign-in worked, but no role in Rolecall is granted to you. Ask your AWS
                administrator to add you to a group that grants a role (or to list roles in your
                identity provider&apos;s role claim), then sign in again.
              </Notice>
            ) : (
              <RoleList
                accounts={accounts}
                selectedArn={selectedArn}
                favourites={prefs.favourites}
                onSelect={select}
                onToggleFavourite={(role) => preferences.toggleFavourite(role.arn)}
              />
            )}
          </div>
          <section aria-label="Session" className="grid min-w-0 content-start gap-4">
            {linked.search.includes('role=') && !linked.role ? (
              <Notice tone="warning" title="The link names a role you cannot assume">
                It asks for {new URLSearchParams(linked.search).get('role')}
                {new URLSearchParams(linked.search).get('account')
                  ? ` in account ${new URLSearchParams(linked.search).get('account')}`
                  : ''}
                , which is not among your roles. Choose one of yours, or ask your administrator for
                access.
              </Notice>
            ) : null}
            {selected ? (
              <SessionPanel
                key={selected.arn}
                role={selected}
                onLengthChange={(seconds) => changeLength(selected, seconds)}
                extras={(session) => <SessionExtras session={session} />}
              />
            ) : accounts.length > 0 ? (
              <p className="text-slate-700">Choose a role to get temporary credentials for it.</p>
            ) : null}
          </section>
        </main>
        <RoleSwitcher
          accounts={accounts}
          open={switcherOpen}
          onClose={() => setSwitcherOpen(false)}
          onSelect={select}
        />
      </div>
    </SessionEnvironmentProvider>
  );
}
