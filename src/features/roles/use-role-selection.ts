import { useCallback, useMemo, useState, useSyncExternalStore } from 'react';
import type { RoleOption } from '../../types/role';
import { roleFromLink } from './deep-link';
import type { RolePreferencesStore } from './role-preferences';
import type { RoleCatalog } from './use-role-catalog';

/** What the page's address asked for when it opened (`?account=&role=`). */
export interface RoleLink {
  role?: RoleOption;
  roleName: string | null;
  account: string | null;
}

/**
 * Which role is open (the page's address may name one: see useAddressBarLink for the way back),
 * with the person's favourites and recently used roles. What it returns changes only with them,
 * so that views given a part of it need not re-render on every change.
 */
export function useRoleSelection(catalog: RoleCatalog, preferences: RolePreferencesStore) {
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

  const toggleFavourite = useCallback(
    (role: RoleOption) => preferences.toggleFavourite(role.arn),
    [preferences],
  );
  const known = useCallback(
    (arns: readonly string[]) => arns.map(catalog.findRole).filter((role) => role !== undefined),
    [catalog],
  );
  const favourites = useMemo(() => known(prefs.favourites), [known, prefs.favourites]);
  const recents = useMemo(() => known(prefs.recents), [known, prefs.recents]);

  return {
    link,
    selected,
    select,
    deselect,
    favouriteArns: prefs.favourites,
    favourites,
    recents,
    toggleFavourite,
  };
}

export type RoleSelection = ReturnType<typeof useRoleSelection>;
