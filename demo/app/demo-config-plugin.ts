import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';

/**
 * Serves public/config.json with the demo stack's real URLs, so that changing a port by environment
 * variable needs no edit of the file. With the default ports it serves the file unchanged.
 */
export function demoConfigPlugin(configPath: string, urls: { idp: string; sts: string }): Plugin {
  const serve = (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    if (req.url?.split('?')[0] !== '/config.json') return next();
    const config = JSON.parse(readFileSync(configPath, 'utf8')) as {
      oidc: { authority: string };
      sts: { endpoint?: string };
    };
    config.oidc.authority = urls.idp;
    config.sts.endpoint = urls.sts;
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('Cache-Control', 'no-store');
    res.end(JSON.stringify(config, null, 2));
  };
  return {
    name: 'rolecall-demo-config',
    configureServer: (server) => void server.middlewares.use(serve),
    configurePreviewServer: (server) => void server.middlewares.use(serve),
  };
}
