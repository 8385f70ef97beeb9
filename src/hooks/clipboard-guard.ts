// Secrets copied to the clipboard are cleared again, as password managers do: after a delay, and
// at sign-out. Only a fingerprint of what was copied is kept, never the secret itself.

export type ClipboardState =
  /** Nothing Rolecall copied is known to be on the clipboard. */
  | { kind: 'clear' }
  /** A secret was copied; Rolecall clears it at `clearsAt` (epoch ms). */
  | { kind: 'armed'; clearsAt: number }
  /** Clearing failed (the browser refused, usually because the tab was not focused). */
  | { kind: 'could-not-clear' };

let clearAfterMs = 60_000;
let copiedDigest: string | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
let state: ClipboardState = { kind: 'clear' };
const listeners = new Set<() => void>();

const set = (next: ClipboardState) => {
  state = next;
  listeners.forEach((notify) => notify());
};

async function fingerprint(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Seconds until a copied secret is cleared; 0 leaves it (config `security.clipboardClearSeconds`). */
export function setClipboardClearDelay(seconds: number): void {
  clearAfterMs = seconds * 1000;
}

/** Copies a secret and schedules the clipboard to be cleared. Rejects when the copy itself fails. */
export async function copySecret(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
  copiedDigest = await fingerprint(text);
  clearTimeout(timer);
  if (clearAfterMs <= 0) return set({ kind: 'clear' });
  timer = setTimeout(() => void clearCopiedSecret(), clearAfterMs);
  set({ kind: 'armed', clearsAt: Date.now() + clearAfterMs });
}

/**
 * Clears the clipboard if it may still hold the secret Rolecall copied. Where the browser lets the
 * page read the clipboard without asking, something the person copied since is left alone;
 * elsewhere the clipboard is emptied, as the person was told when they copied.
 */
export async function clearCopiedSecret(): Promise<ClipboardState> {
  clearTimeout(timer);
  if (!copiedDigest) return state;
  try {
    if (await mayStillHold(copiedDigest)) await navigator.clipboard.writeText('');
    copiedDigest = undefined;
    set({ kind: 'clear' });
  } catch {
    set({ kind: 'could-not-clear' });
    // Browsers let a page write the clipboard only while it has focus: try again when it does.
    window.addEventListener('focus', () => void clearCopiedSecret(), { once: true });
  }
  return state;
}

async function mayStillHold(digest: string): Promise<boolean> {
  const permission = await navigator.permissions
    ?.query({ name: 'clipboard-read' as PermissionName })
    .catch(() => undefined);
  // Reading without permission would make the browser ask the person: don't.
  if (permission?.state !== 'granted') return true;
  const current = await navigator.clipboard.readText().catch(() => undefined);
  return current === undefined || (await fingerprint(current)) === digest;
}

export const clipboardGuard = {
  get: (): ClipboardState => state,
  subscribe: (onChange: () => void) => {
    listeners.add(onChange);
    return () => listeners.delete(onChange);
  },
};
