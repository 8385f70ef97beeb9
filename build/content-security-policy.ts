import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/**
 * The Content-Security-Policy that production builds carry in index.html. The app talks to two
 * outside origins, the identity provider and AWS STS; both are read from public/config.json at
 * build time, AWS endpoints are always allowed, and ROLECALL_CSP_CONNECT_SRC adds more (for a
 * provider whose token endpoint lives on another host, or a config.json replaced after the build).
 */
export function contentSecurityPolicy(configPath: string, extraConnectSrc = ''): string {
  const { authority, sts } = configOrigins(configPath);
  const origins = [authority, sts].filter((origin): origin is string => origin !== undefined);
  const connect = [
    "'self'",
    'https://*.amazonaws.com',
    ...origins,
    ...extraConnectSrc.split(/\s+/).filter(Boolean),
  ];
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${[...new Set(connect)].join(' ')}`,
    // oidc-client-ts renews silently in a hidden iframe when the provider issues no refresh token.
    `frame-src 'self'${authority ? ` ${authority}` : ''}`,
    "manifest-src 'self'",
    "worker-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function configOrigins(configPath: string): { authority?: string; sts?: string } {
  const config = JSON.parse(readFileSync(configPath, 'utf8')) as {
    oidc?: { authority?: string };
    sts?: { endpoint?: string };
  };
  const originOf = (url: string | undefined) => (url ? new URL(url).origin : undefined);
  return { authority: originOf(config.oidc?.authority), sts: originOf(config.sts?.endpoint) };
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
