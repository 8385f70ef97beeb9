import { useEffect } from 'react';
import type { RoleOption } from '../../types/role';
import { linkForRole } from './deep-link';

/**
 * Keeps the address bar on a shareable link to `role` (none in presenter mode: the address bar is
 * on the shared screen too). Updating the address costs the browser a same-document navigation
 * (and a favicon check), so it waits until `settled` (the role's session is on screen, or has
 * failed) and then until after that frame is painted: it is never on the click's critical path.
 */
export function useAddressBarLink(
  role: RoleOption | undefined,
  presenter: boolean,
  settled: boolean,
): void {
  useEffect(() => {
    if (!settled) return;
    return afterNextPaint(() => {
      const query = linkForRole(presenter ? undefined : role, window.location.search);
      if (query === window.location.search) return;
      window.history.replaceState(window.history.state, '', `${window.location.pathname}${query}`);
    });
  }, [role, presenter, settled]);
}

function afterNextPaint(run: () => void): () => void {
  let task: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    task = setTimeout(run, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(task);
  };
}
