import { useQuery } from '@tanstack/react-query';
import type { RoleOption } from '../roles/role-catalog';
import { useSessionEnvironment } from './session-environment';
import { sessionQueries } from './session-queries';

/**
 * The assumed-role session for one role: assumed on first use, then served from memory and
 * refreshed before it expires for as long as something on screen watches it.
 */
export function useRoleSession(role: RoleOption) {
  return useQuery(sessionQueries.detail(useSessionEnvironment(), role));
}
