import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Listening on loopback only, on both 127.0.0.1 and ::1 with one port: Node resolves `localhost`
 * to 127.0.0.1 here, but browsers may try ::1 first.
 */
const LOOPBACK_HOSTS = ['127.0.0.1', '::1'] as const;

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host, exclusive: true }, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

const errorCode = (error: unknown) =>
  error instanceof Error && 'code' in error ? String(error.code) : undefined;

/** Binds every loopback address on one port; a random port is retried if IPv6 has it taken. */
export async function listenOnLoopback(
  port: number,
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ servers: Server[]; port: number }> {
  for (let attempt = 0; ; attempt++) {
    const servers: Server[] = [];
    let boundPort = port;
    try {
      for (const host of LOOPBACK_HOSTS) {
        const server = createServer(handler);
        try {
          boundPort = await listen(server, boundPort, host);
          servers.push(server);
        } catch (error) {
          const code = errorCode(error);
          // No IPv6 on this machine: IPv4 alone will do.
          if (host === '::1' && (code === 'EADDRNOTAVAIL' || code === 'EAFNOSUPPORT')) continue;
          throw error;
        }
      }
      return { servers, port: boundPort };
    } catch (error) {
      await Promise.all(servers.map(closeServer));
      if (port !== 0 || errorCode(error) !== 'EADDRINUSE' || attempt >= 5) throw error;
    }
  }
}
