import { useCallback, useState } from 'react';
import type { RoleOption } from '../types/role';
import { PresenterModeProvider } from '../components/ui/presenter-mode';
import { SecretsLockProvider } from '../components/ui/secrets-lock';
import { useConfig } from '../config/config-context';
import type { RolePreferencesStore } from '../features/roles/role-preferences';
import { RoleSwitcher } from '../features/roles/role-switcher';
import { useRoleCatalog } from '../features/roles/use-role-catalog';
import { useRoleSelection } from '../features/roles/use-role-selection';
import { SessionsProvider } from '../features/sessions/sessions-provider';
import { useIdle } from '../hooks/use-idle';
import type { SignedInPerson } from '../lib/auth/use-auth-session';
import { AddressBarLink } from './address-bar-link';
import { ExpiryWatch } from './expiry-watch';
import { RoleColumn } from './role-column';
import { SessionColumn } from './session-column';
import type { AppServices } from './services';
import { SignedInHeader } from './signed-in-header';
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
  /** Signs in again in a popup; forgets everything when someone else signed in there. */
  onSignInAgain: () => Promise<void>;
}) {
  const catalog = useRoleCatalog(person.claims);
  const [presenter, setPresenter] = useState(false);
  const selection = useRoleSelection(catalog, preferences);
  const [switcherOpen, setSwitcherOpen] = useState(false);
  // Each choice by the person (list or switcher) moves focus to the session it opens.
  const [focusRequest, setFocusRequest] = useState(0);
  const { select } = selection;
  const choose = useCallback(
    (role: RoleOption) => {
      select(role);
      setFocusRequest((count) => count + 1);
    },
    [select],
  );
  // Stable callbacks: choosing a role re-renders what shows the choice, not the header or switcher.
  const openSwitcher = useCallback(() => setSwitcherOpen(true), []);
  const closeSwitcher = useCallback(() => setSwitcherOpen(false), []);
  useShortcut('k', openSwitcher);
  // The idle lock: revealed secrets are masked again after a while without input.
  const idle = useIdle(useConfig().security.idleLockMinutes);

  return (
    <PresenterModeProvider on={presenter}>
      <SecretsLockProvider generation={idle.periods}>
        <SessionsProvider
          key={person.subject}
          services={services}
          person={person}
          findRole={catalog.findRole}
        >
          <div className="min-h-screen">
            <a
              href="#session"
              // Focus, not the address: the address bar holds the role link and nothing else.
              onClick={(event) => {
                event.preventDefault();
                const session = document.getElementById('session');
                session?.focus();
                session?.scrollIntoView({ block: 'start' });
              }}
              className="sr-only rounded-md bg-white px-3 py-2 font-semibold text-indigo-800 focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:outline-2 focus:outline-indigo-600"
            >
              Skip to session
            </a>
            <SignedInHeader
              person={person}
              getIdToken={services.getIdToken}
              canSwitch={catalog.accounts.length > 0}
              presenter={presenter}
              onPresenterChange={setPresenter}
              onOpenSwitcher={openSwitcher}
              onSignInAgain={onSignInAgain}
              onSignOut={onSignOut}
            />
            <ExpiryWatch selectedArn={selection.selected?.arn} />
            <main className="grid gap-6 p-4 sm:p-6 md:grid-cols-[minmax(0,20rem)_minmax(0,1fr)]">
              <RoleColumn accounts={catalog.accounts} selection={selection} onChoose={choose} />
              <SessionColumn
                person={person}
                services={services}
                selection={selection}
                hasRoles={catalog.accounts.length > 0}
                focusRequest={focusRequest}
                onSignInAgain={onSignInAgain}
              />
            </main>
            <RoleSwitcher
              accounts={catalog.accounts}
              open={switcherOpen}
              onClose={closeSwitcher}
              onSelect={choose}
            />
            <AddressBarLink role={selection.selected} presenter={presenter} />
          </div>
        </SessionsProvider>
      </SecretsLockProvider>
    </PresenterModeProvider>
  );
}
