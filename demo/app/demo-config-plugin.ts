import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { configureBuild } from '../../build/configure-build.ts';

/** public/config.json with the demo stack's real URLs. */
export interface DemoUrls {
  idp: string;
  sts: string;
  /** The demo console broker, when the stack runs one. */
  broker?: string;
}

export function demoConfig(configPath: string, urls: DemoUrls): object {
  const config = JSON.parse(readFileSync(configPath, 'utf8')) as {
    oidc: { authority: string };
    sts: { endpoint?: string };
    consoleBroker?: { url: string };
  };
  config.oidc.authority = urls.idp;
  config.sts.endpoint = urls.sts;
  if (urls.broker) config.consoleBroker = { url: urls.broker };
  return config;
}

/**
 * Serves public/config.json with the demo stack's real URLs, so that changing a port by environment
 * variable needs no edit of the file. With the default ports it serves the file unchanged. The
 * preview server first configures the build for it, as a deployment would (`npm run configure`).
 */
export function demoConfigPlugin(configPath: string, urls: DemoUrls): Plugin {
  const serve = (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    if (req.url?.split('?')[0] !== '/config.json') return next();
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('Cache-Control', 'no-store');
    res.end(JSON.stringify(demoConfig(configPath, urls), null, 2));
  };
  return {
    name: 'rolecall-demo-config',
    configureServer: (server) => void server.middlewares.use(serve),
    configurePreviewServer: async (server) => {
      const result = await configureBuild({
        configText: JSON.stringify(demoConfig(configPath, urls)),
        configName: 'the demo config',
        outDir: resolve(server.config.root, server.config.build.outDir),
        hostDir: join(tmpdir(), 'rolecall-demo-host'),
        // More providers the demo stack trusts (a second one in the browser tests): npm start lists
        // them here, as `npm run configure -- --allow-origin` would.
        allowOrigins: (process.env.ROLECALL_CSP_CONNECT_SRC ?? '').split(/\s+/).filter(Boolean),
      });
      if (!result.ok) {
        const problems = result.problems.map((p) => `${p.field} ${p.message}`).join('; ');
        throw new Error(`${result.summary} ${problems}`);
      }
      server.middlewares.use(serve);
    },
  };
}
