import { useClipboardState } from '../../hooks/use-copy';
import { Notice } from './notice';

/** Says so, until it is done, when a secret Rolecall copied could not be cleared from the clipboard. */
export function ClipboardNotice() {
  const clipboard = useClipboardState();
  if (clipboard.kind !== 'could-not-clear') return null;
  return (
    <Notice tone="warning" title="A secret you copied may still be on your clipboard">
      Your browser did not let Rolecall clear it. Rolecall tries again when this tab has focus; you
      can also copy something else to replace it.
    </Notice>
  );
}
