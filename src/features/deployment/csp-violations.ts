import type { AppConfig } from '../../config/schema';
import { stsEndpointOf } from '../../utils/aws-partition';

/** An outside origin the deployment's Content-Security-Policy kept the app from reaching. */
export interface BlockedOrigin {
  origin: string;
  directive: string;
  /** Who was not reached, in words: "your identity provider", "AWS STS", or undefined. */
  party?: string;
}

export interface CspViolations {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => readonly BlockedOrigin[];
}

// Only these can block the provider or STS; a blocked script or style (a browser extension
// injecting one, say) is not Rolecall's problem to report.
const REACHING = new Set(['connect-src', 'frame-src', 'child-src', 'default-src']);

// new URL, not URL.parse, which browsers before 2024 lack.
const originOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
};

/**
 * Listens for `securitypolicyviolation`: when the browser refuses a request because the page's
 * Content-Security-Policy does not allow its origin, the failure is not a network problem, and
 * the person (and whoever deployed Rolecall) must be told so.
 */
export function watchCspViolations(
  config: Pick<AppConfig, 'oidc' | 'sts'>,
  target: Pick<Document, 'addEventListener'> = document,
  appOrigin: string = location.origin,
): CspViolations {
  const parties = new Map<string | undefined, string>([
    [originOf(config.oidc.authority), 'your identity provider'],
    [originOf(stsEndpointOf(config.sts)), 'AWS STS'],
  ]);
  let blocked: readonly BlockedOrigin[] = [];
  const listeners = new Set<() => void>();

  target.addEventListener('securitypolicyviolation', (event) => {
    const { blockedURI, effectiveDirective, sourceFile } = event;
    const origin = originOf(blockedURI);
    if (!origin || origin === 'null' || !REACHING.has(effectiveDirective)) return;
    const party = parties.get(origin);
    // An origin config.json does not name is told (with the advice to allow it) only when a script
    // or page from Rolecall's origin asked for it: another of the provider's endpoints. Code from
    // elsewhere (a browser extension, a foreign script) must not get Rolecall to vouch for its
    // origin. Markup injected through Rolecall's own scripts would count as theirs: the CSP blocks
    // it all the same, and an XSS in Rolecall's origin is beyond what it can promise (SECURITY.md).
    if (!party && !sourceFile.startsWith(`${appOrigin}/`)) return;
    if (blocked.some((b) => b.origin === origin && b.directive === effectiveDirective)) return;
    blocked = [...blocked, { origin, directive: effectiveDirective, party }];
    for (const listener of listeners) listener();
  });

  return {
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => blocked,
  };
}
