import type { Plugin } from 'vite';

/** An origin the policy lets the app reach, and why: printed by `npm run configure`. */
export interface AllowedOrigin {
  directive: 'connect-src' | 'frame-src';
  origin: string;
  reason: string;
}

/**
 * Rolecall's Content-Security-Policy: scripts and styles from the app only, no inline code, and
 * connections only to the origins given (the provider and STS, found by allowed-origins.ts). The
 * header form adds `frame-ancestors 'none'`, which browsers ignore in a meta tag.
 */
export function contentSecurityPolicy(
  origins: readonly AllowedOrigin[],
  form: 'meta' | 'header',
): string {
  const sources = (directive: AllowedOrigin['directive']) =>
    [
      "'self'",
      ...new Set(origins.filter((o) => o.directive === directive).map((o) => o.origin)),
    ].join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${sources('connect-src')}`,
    // oidc-client-ts renews silently in a hidden frame when the provider issues no refresh token.
    `frame-src ${sources('frame-src')}`,
    "manifest-src 'self'",
    "worker-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    ...(form === 'header' ? ["frame-ancestors 'none'"] : []),
  ].join('; ');
}

const META = /<meta http-equiv="Content-Security-Policy" content="[^"]*"\s*\/?>/;

/** index.html with its policy meta tag replaced; undefined when the page has none. */
export function withPolicyMeta(html: string, policy: string): string | undefined {
  if (!META.test(html)) return undefined;
  const content = policy.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  return html.replace(
    META,
    () => `<meta http-equiv="Content-Security-Policy" content="${content}">`,
  );
}

/**
 * Builds carry a policy that allows no outside origin at all, so an unconfigured build fails
 * closed (and the app says that the policy blocked its provider). `npm run configure` writes the
 * policy for a config.json into it: one build, any configuration.
 */
export function cspPlugin(): Plugin {
  return {
    name: 'rolecall-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: {
            'http-equiv': 'Content-Security-Policy',
            content: contentSecurityPolicy([], 'meta'),
          },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}
