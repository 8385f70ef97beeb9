import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useSyncExternalStore } from 'react';
import { sessionQueries } from './session-queries';

/** The role ARNs that have a session in memory (or one being assumed), in the order they began. */
export function useActiveSessionArns(subject: string): string[] {
  const cache = useQueryClient().getQueryCache();
  const joined = useSyncExternalStore(
    (onChange) => cache.subscribe(onChange),
    () =>
      cache
        .findAll({ queryKey: sessionQueries.all(subject) })
        .filter((query) => query.state.data !== undefined || query.state.fetchStatus === 'fetching')
        .map((query) => String(query.queryKey[2]))
        .join('\n'),
  );
  return useMemo(() => (joined ? joined.split('\n') : []), [joined]);
}
