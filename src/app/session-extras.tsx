import type { RoleSession } from '../features/sessions/session-queries';

/** Further views of the selected session (export, support summary), loaded on demand. */
export function SessionExtras({ session }: { session: RoleSession }) {
  void session;
  return null;
}
