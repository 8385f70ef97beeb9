import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { Notice } from '../components/ui/notice';
import { PresenterModeProvider } from '../components/ui/presenter-mode';
import { useConfig } from '../config/config-context';
import { IdentityCard } from '../features/identity/identity-card';
import { TokenClaims } from '../features/identity/token-claims';
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
import { isSignInFailure } from '../lib/auth/id-token-source';
import type { SignedInPerson } from '../lib/auth/use-auth-session';
import { maskAccountId } from '../utils/mask';
import type { AppServices } from './services';
import { SessionExtras } from './session-extras';
import { SignedInHeader } from './signed-in-header';
import { TrainingSection } from './training-section';
import { useShortcut } from './use-shortcut';

export function SignedInView({
  person,
  services,
  preferences,
  onSignOut,
  onSignInAgain,
}: {
  person: SignedInPerson;
  services: AppServices;
  preferences: RolePreferencesStore;
  onSignOut: () => Promise<void>;
  onSignInAgain: () => Promise<void>;
}) {
  const config = useConfig();
  const queryClient = useQueryClient();
  const { sts, getIdToken } = services;
  const accounts = useMemo(() => rolesForPerson(config, person.claims), [config, person.claims]);
  const roles = useMemo(() => allRoles(accounts), [accounts]);
  const findRole = useCallback((arn: string) => roles.find((role) => role.arn === arn), [roles]);
  const [link] = useState(() => ({
    params: new URLSearchParams(window.location.search),
    role: roleFromLink(window.location.search, roles),
  }));
  const [selectedArn, setSelectedArn] = useState<string | undefined>(link.role?.arn);
  const [switcherOpen, setSwitcherOpen] = useState(false);
  const [presenter, setPresenter] = useState(false);
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
    // In presenter mode the address bar is on the shared screen too: it gets no account id.
    const query = linkForRole(presenter ? undefined : selected, window.location.search);
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${query}`);
  }, [selected, presenter]);

  useShortcut('k', () => setSwitcherOpen(true));

  const changeLength = (role: RoleOption, seconds: number) => {
    chosenLengths.current.set(role.arn, seconds);
    void queryClient.refetchQueries({
      queryKey: sessionQueries.detail(environment, role).queryKey,
      exact: true,
    });
  };

  // A new ID token (renewed silently, or after signing in again): sessions that were waiting for
  // the person refresh now.
  useEffect(() => {
    void queryClient.refetchQueries({
      queryKey: sessionQueries.all(person.subject),
      predicate: (query) => isSignInFailure(query.state.fetchFailureReason),
    });
  }, [queryClient, person.subject, person.idTokenExpiresAt]);

  const favourites = prefs.favourites.map(findRole).filter((role) => role !== undefined);
  const recents = prefs.recents.map(findRole).filter((role) => role !== undefined);
  const linkedRoleName = link.params.get('role');

  return (
    <PresenterModeProvider on={presenter}>
      <SessionEnvironmentProvider environment={environment}>
        <div className={`min-h-screen ${presenter ? 'text-lg' : ''}`}>
          <SignedInHeader
            person={person}
            getIdToken={getIdToken}
            canSwitch={accounts.length > 0}
            presenter={presenter}
            onPresenterChange={setPresenter}
            onOpenSwitcher={() => setSwitcherOpen(true)}
            onSignInAgain={onSignInAgain}
            onSignOut={onSignOut}
          />
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
              {linkedRoleName && !link.role ? (
                <Notice tone="warning" title="The link names a role you cannot assume">
                  It asks for {linkedRoleName}
                  {link.params.get('account')
                    ? ` in account ${presenter ? maskAccountId(link.params.get('account') ?? '') : link.params.get('account')}`
                    : ''}
                  , which is not among your roles. Choose one of yours, or ask your administrator
                  for access.
                </Notice>
              ) : null}
              {selected ? (
                <SessionPanel
                  key={selected.arn}
                  role={selected}
                  onLengthChange={(seconds) => changeLength(selected, seconds)}
                  onSignInAgain={onSignInAgain}
                  identity={(session) => <IdentityCard session={session} />}
                  extras={(session) => <SessionExtras session={session} />}
                />
              ) : accounts.length > 0 ? (
                <p className="text-slate-700">Choose a role to get temporary credentials for it.</p>
              ) : null}
              <TokenClaims claims={person.claims} />
              <TrainingSection services={services} issuer={person.issuer} role={selected} />
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
    </PresenterModeProvider>
  );
}
