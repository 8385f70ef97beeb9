import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/**
 * The Content-Security-Policy that production builds carry in index.html. The app talks to two
 * outside parties, the identity provider and AWS STS; both are read from public/config.json at
 * build time. ROLECALL_CSP_CONNECT_SRC adds origins (space-separated) for a provider whose token
 * endpoint lives on another host, or a config.json replaced after the build; they are allowed as
 * frames too, for silent renewal.
 */
export function contentSecurityPolicy(configPath: string, extraSources = ''): string {
  const { authority, sts, region } = readConfig(configPath);
  const extra = extraSources.split(/\s+/).filter(Boolean);
  // Real STS endpoints: the SDK's regional endpoint, and the global one some setups still use.
  const awsSts = region ? [`https://sts.${region}.amazonaws.com`, 'https://sts.amazonaws.com'] : [];
  const connect = ["'self'", ...[authority, sts].filter(isDefined), ...awsSts, ...extra];
  const frames = ["'self'", ...[authority].filter(isDefined), ...extra];
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${unique(connect)}`,
    // oidc-client-ts renews silently in a hidden frame when the provider issues no refresh token.
    `frame-src ${unique(frames)}`,
    "manifest-src 'self'",
    "worker-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const isDefined = (value: string | undefined): value is string => value !== undefined;
const unique = (sources: string[]) => [...new Set(sources)].join(' ');

function readConfig(configPath: string): { authority?: string; sts?: string; region?: string } {
  const config = JSON.parse(readFileSync(configPath, 'utf8')) as {
    oidc?: { authority?: string };
    sts?: { endpoint?: string; region?: string };
  };
  const originOf = (url: string | undefined) => (url ? new URL(url).origin : undefined);
  return {
    authority: originOf(config.oidc?.authority),
    sts: originOf(config.sts?.endpoint),
    region: config.sts?.region,
  };
}

/** Adds the policy to index.html in production builds only: the dev server's hot reload needs inline scripts. */
export function cspPlugin(configPath: string): Plugin {
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
            content: contentSecurityPolicy(configPath, process.env.ROLECALL_CSP_CONNECT_SRC),
          },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}
