import { useAddressBarLink } from '../features/roles/use-address-bar-link';
import { sessionError, useRoleSession } from '../features/sessions/sessions-provider';
import type { RoleOption } from '../types/role';

/**
 * The address bar follows the open role once its session is on screen (or has failed): a click's
 * STS requests start, and their answer is shown, before the browser's navigation work.
 */
export function AddressBarLink({ role, presenter }: { role?: RoleOption; presenter: boolean }) {
  const session = useRoleSession(role?.arn ?? '');
  const settled =
    !role || session?.current.result.data !== undefined || sessionError(session) !== null;
  useAddressBarLink(role, presenter, settled);
  return null;
}
