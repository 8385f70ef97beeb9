import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin, PreviewServer, ViteDevServer } from 'vite';
import { BAD_TARGET_MESSAGE, refuse, requestPath } from '../demo/shared/request-guard.ts';
import { PARTITIONS, type Partition } from '../src/config/schema.ts';
import { allowedOrigins } from './allowed-origins.ts';
import { contentSecurityPolicy } from './content-security-policy.ts';

/**
 * The dev server (`npm start`, `npm run dev`) made as close to production as hot reload allows:
 * - the production Content-Security-Policy, plus what Vite needs: a nonce for its inline React
 *   Refresh preamble and the styles it injects, and its hot-reload web socket;
 * - `Referrer-Policy: no-referrer` as a header, so that it applies before the first script loads
 *   (Vite puts its client script ahead of the page's referrer meta tag);
 * - only the app's files: src/, public/ and the dependencies, never demo/ (the demo IAM user's
 *   keys), package.json or anything else in the project;
 * - a request target that is no path answered 400, as the demo servers do, by the preview server
 *   (`npm start -- --preview`, `vite preview`) too: Vite's router throws on `GET http://[/`
 *   outside any middleware, which would stop the whole of `npm start`.
 * The config's provider and STS are allowed, plus ROLECALL_CSP_CONNECT_SRC (space-separated
 * origins; `npm start` passes the demo stack's).
 */
export function devServerPolicy(configPath: string): Plugin {
  // One nonce per server start: Vite writes it into the page and into the styles it injects.
  const nonce = randomBytes(16).toString('base64');
  return {
    name: 'rolecall-dev-server-policy',
    apply: 'serve',
    config: () => ({
      html: { cspNonce: nonce },
      server: {
        fs: {
          strict: true,
          allow: ['src', 'index.html', 'node_modules'],
          deny: [
            'demo/**',
            'package.json',
            'package-lock.json',
            // Vite's own defaults, which a deny list replaces.
            '.env',
            '.env.*',
            '*.{crt,pem}',
            '**/.git/**',
          ],
        },
      },
    }),
    configurePreviewServer: refuseTargetsThatAreNoPath,
    configureServer(server) {
      refuseTargetsThatAreNoPath(server);
      const hmrPort =
        server.config.server.hmr && typeof server.config.server.hmr === 'object'
          ? server.config.server.hmr.port
          : undefined;
      server.middlewares.use((_request, response, next) => {
        const port = hmrPort ?? server.config.server.port;
        response.setHeader('Content-Security-Policy', devPolicy(configPath, nonce, port));
        response.setHeader('Referrer-Policy', 'no-referrer');
        response.setHeader('X-Content-Type-Options', 'nosniff');
        next();
      });
    },
  };
}

/**
 * Puts the demo servers' request-target check ahead of all of Vite's middleware, its host check
 * included: Vite's router throws on `GET http://[/` outside any middleware, which ends the process.
 */
function refuseTargetsThatAreNoPath({ httpServer, middlewares }: ViteDevServer | PreviewServer) {
  if (httpServer && httpServer.listeners('request').includes(middlewares)) {
    httpServer.off('request', middlewares);
    httpServer.on('request', (request: IncomingMessage, response: ServerResponse) => {
      if (requestPath(request.url)) middlewares(request, response);
      else refuse(response, 400, BAD_TARGET_MESSAGE);
    });
  }
}

export function devPolicy(configPath: string, nonce: string, port: number | undefined): string {
  const extra = (process.env.ROLECALL_CSP_CONNECT_SRC ?? '').split(/\s+/).filter(Boolean);
  const config = readTargets(configPath);
  const origins = config ? allowedOrigins(config, undefined, extra).origins : [];
  const socket = port === undefined ? [] : [`ws://localhost:${port}`];
  return contentSecurityPolicy(
    [
      ...origins,
      ...socket.map((origin) => ({
        directive: 'connect-src' as const,
        origin,
        reason: 'hot reload',
      })),
    ],
    'header',
  )
    .replace("script-src 'self'", `script-src 'self' 'nonce-${nonce}'`)
    .replace("style-src 'self'", `style-src 'self' 'nonce-${nonce}'`);
}

// Only what the policy needs, read without the app's validator (which the app runs itself, and
// which Vite's config loader would have to bundle): an invalid file allows no outside origin.
function readTargets(configPath: string) {
  try {
    const raw = JSON.parse(readFileSync(configPath, 'utf8')) as {
      oidc?: { authority?: unknown };
      sts?: { region?: unknown; partition?: unknown; endpoint?: unknown };
    };
    const { authority } = raw.oidc ?? {};
    const { region, partition = 'aws', endpoint } = raw.sts ?? {};
    if (typeof authority !== 'string' || typeof region !== 'string') return undefined;
    if (!PARTITIONS.includes(partition as Partition)) return undefined;
    return {
      oidc: { authority },
      sts: {
        region,
        partition: partition as Partition,
        endpoint: typeof endpoint === 'string' ? endpoint : undefined,
      },
    };
  } catch {
    return undefined;
  }
}
