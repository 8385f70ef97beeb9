import type { AddressInfo } from 'node:net';
import { build, createServer, preview, type LogLevel, type PluginOption } from 'vite';

/**
 * The app as `npm start` serves it: the Vite dev server, or (`--preview`) a production build. Both
 * answer only to loopback names and the classroom's DEMO_ALLOWED_HOSTS, like the demo servers;
 * Vite refuses other hosts with 403 (its own DNS-rebinding check).
 */
export interface AppServerOptions {
  root: string;
  plugins: PluginOption[];
  port: number;
  /** Host names it answers to besides the loopback ones, for a classroom network. */
  allowedHosts?: readonly string[];
  /** Build, then serve the build as a deployment would. */
  preview?: boolean;
  /** Where the preview's build goes: `dist/` unless told (a test builds elsewhere). */
  outDir?: string;
  /** Vite's own messages; `npm start` shows them all. */
  logLevel?: LogLevel;
}

export interface RunningAppServer {
  /** `http://localhost:<port>`: the port asked for, or the one the system picked for 0. */
  url: string;
  close(): Promise<void>;
}

const urlOf = (address: AddressInfo | string | null | undefined) =>
  `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;

export async function startAppServer(options: AppServerOptions): Promise<RunningAppServer> {
  const { root, plugins, port, logLevel } = options;
  const allowedHosts = [...(options.allowedHosts ?? [])];
  if (options.preview) {
    const outDir = options.outDir ?? 'dist';
    await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    const server = await preview({
      root,
      plugins,
      logLevel,
      build: { outDir },
      preview: { port, strictPort: true, allowedHosts },
    });
    return { url: urlOf(server.httpServer.address()), close: () => server.close() };
  }
  const server = await createServer({
    root,
    plugins,
    logLevel,
    server: { port, strictPort: true, allowedHosts },
  });
  await server.listen();
  return { url: urlOf(server.httpServer?.address()), close: () => server.close() };
}
