import { Notice } from '../../components/ui/notice';
import { usePresenterMode } from '../../components/ui/presenter-mode';
import { maskAccountId } from '../../utils/mask';
import type { RoleLink } from './use-role-selection';

/** Says so when the page's link names a role the person cannot assume. */
export function DeepLinkNotice({ link }: { link: RoleLink }) {
  const presenter = usePresenterMode();
  if (!link.roleName || link.role) return null;
  const account = link.account && (presenter ? maskAccountId(link.account) : link.account);
  return (
    <Notice tone="warning" title="The link names a role you cannot assume">
      It asks for {link.roleName}
      {account ? ` in account ${account}` : ''}, which is not among your roles. Choose one of yours,
      or ask your administrator for access.
    </Notice>
  );
}
