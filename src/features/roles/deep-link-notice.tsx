import { Notice } from '../../components/ui/notice';
import { usePresenterText } from '../../components/ui/presenter-mode';
import { Untrusted } from '../../components/ui/untrusted';
import type { RoleLink } from './use-role-selection';

// IAM role names and account aliases are at most 64 characters: anything longer is not a role.
const MAX_ECHO = 64;

/**
 * Says so when the page's link names a role the person cannot assume. The link is anyone's to
 * write, so what it says is echoed quoted, isolated and cut, never as Rolecall's own words.
 */
export function DeepLinkNotice({
  link,
  accountName,
}: {
  link: RoleLink;
  /** The configured name of the account the link names, when config knows it. */
  accountName?: string;
}) {
  const shown = usePresenterText();
  if (!link.roleName || link.role) return null;
  const echo = (text: string) => (
    <span className="font-mono">
      “<Untrusted value={shown(text)} max={MAX_ECHO} />”
    </span>
  );
  return (
    <Notice tone="warning" title="The link names a role you cannot assume">
      The link asks for the role {echo(link.roleName)}
      {link.account ? (
        <>
          {' '}
          in account {accountName && accountName !== link.account ? `${shown(accountName)} ` : ''}
          {echo(link.account)}
        </>
      ) : null}
      , which is not among your roles. Choose one of yours, or ask your administrator for access.
    </Notice>
  );
}
