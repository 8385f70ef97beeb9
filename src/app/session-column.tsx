import { memo, useEffect, useRef } from 'react';
import { IdentityCard } from '../features/identity/identity-card';
import { TokenClaims } from '../features/identity/token-claims';
import { useConfig } from '../config/config-context';
import { configuredAccountName } from '../features/roles/deep-link';
import { DeepLinkNotice } from '../features/roles/deep-link-notice';
import type { RoleSelection } from '../features/roles/use-role-selection';
import { SessionPanel } from '../features/sessions/session-panel';
import type { SignedInPerson } from '../lib/auth/use-auth-session';
import type { AppServices } from './services';
import { SessionExtras } from './session-extras';
import { TrainingSection } from './training-section';

// The decoded claims change only with the token; a token carrying thousands of roles is costly to
// print again on every role click.
const Claims = memo(TokenClaims);

/** The right column: the open session with who it is and its exports, then the token and training. */
export function SessionColumn({
  person,
  services,
  selection,
  hasRoles,
  focusRequest,
  onSignInAgain,
}: {
  person: SignedInPerson;
  services: AppServices;
  selection: RoleSelection;
  hasRoles: boolean;
  /** Grows each time the person chooses a role: the session is then scrolled to and focused. */
  focusRequest: number;
  onSignInAgain: () => Promise<void>;
}) {
  const { selected } = selection;
  const { accounts } = useConfig();
  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    const element = section.current;
    if (focusRequest === 0 || !element) return;
    // On a phone the session is below the role list: bring it into view, and keyboard focus with it.
    element.focus({ preventScroll: true });
    element.scrollIntoView({ block: 'start' });
  }, [focusRequest]);
  return (
    <section
      ref={section}
      id="session"
      tabIndex={-1}
      aria-label="Session"
      className="grid min-w-0 scroll-mt-2 content-start gap-4 focus:outline-none"
    >
      <DeepLinkNotice
        link={selection.link}
        accountName={configuredAccountName(accounts, selection.link.account)}
      />
      {selected ? (
        <SessionPanel
          key={selected.arn}
          role={selected}
          onSignInAgain={onSignInAgain}
          identity={(open) => <IdentityCard session={open} />}
          extras={(open) => <SessionExtras session={open} />}
        />
      ) : hasRoles ? (
        <p className="text-slate-700">Choose a role to get temporary credentials for it.</p>
      ) : null}
      <Claims claims={person.claims} />
      <TrainingSection services={services} issuer={person.issuer} role={selected} />
    </section>
  );
}
