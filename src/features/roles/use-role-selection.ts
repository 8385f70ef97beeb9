import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { RoleOption } from '../../types/role';
import { linkForRole, roleFromLink } from './deep-link';
import type { RolePreferencesStore } from './role-preferences';
import type { RoleCatalog } from './use-role-catalog';

/** What the page's address asked for when it opened (`?account=&role=`). */
export interface RoleLink {
  role?: RoleOption;
  roleName: string | null;
  account: string | null;
}

/**
 * Which role is open, kept in the address bar as a shareable link, with the person's favourites
 * and recently used roles. In presenter mode the address bar is on the shared screen too: it then
 * carries no account id.
 */
export function useRoleSelection(
  catalog: RoleCatalog,
  preferences: RolePreferencesStore,
  presenter: boolean,
) {
  const [link] = useState<RoleLink>(() => {
    const params = new URLSearchParams(window.location.search);
    return {
      role: roleFromLink(window.location.search, catalog.roles),
      roleName: params.get('role'),
      account: params.get('account'),
    };
  });
  const [selectedArn, setSelectedArn] = useState(link.role?.arn);
  const prefs = useSyncExternalStore(preferences.subscribe, preferences.get);
  const selected = selectedArn ? catalog.findRole(selectedArn) : undefined;

  useEffect(() => {
    const query = linkForRole(presenter ? undefined : selected, window.location.search);
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${query}`);
  }, [selected, presenter]);

  const select = useCallback(
    (role: RoleOption) => {
      setSelectedArn(role.arn);
      preferences.markUsed(role.arn);
    },
    [preferences],
  );
  const deselect = useCallback(
    (role: RoleOption) => setSelectedArn((current) => (current === role.arn ? undefined : current)),
    [],
  );

  return {
    link,
    selected,
    select,
    deselect,
    favouriteArns: prefs.favourites,
    favourites: prefs.favourites.map(catalog.findRole).filter((role) => role !== undefined),
    recents: prefs.recents.map(catalog.findRole).filter((role) => role !== undefined),
    toggleFavourite: (role: RoleOption) => preferences.toggleFavourite(role.arn),
  };
}

export type RoleSelection = ReturnType<typeof useRoleSelection>;
