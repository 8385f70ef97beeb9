/** AWS console multi-session: at most this many identities signed in per browser at once. */
export const MAX_CONSOLE_SESSIONS = 5;

/**
 * The identities (assumed-role ARNs) this tab has opened a console for. Other tabs and windows
 * cannot be seen, so this is a lower bound of what the browser holds.
 */
export function createConsoleCounter() {
  const opened = new Set<string>();
  return {
    /** True when opening one for `arn` would make a sixth identity and sign one out. */
    wouldExceed: (arn: string) => !opened.has(arn) && opened.size >= MAX_CONSOLE_SESSIONS,
    record: (arn: string) => void opened.add(arn),
    count: () => opened.size,
    clear: () => opened.clear(),
  };
}

/** The one counter for this tab (module state: it lives as long as the page). */
export const consolesFromThisTab = createConsoleCounter();
