import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The demo servers listen on loopback only, on both 127.0.0.1 and ::1 with one port: browsers and
 * Node may resolve `localhost` to either.
 */
export const loopbackHosts = ['127.0.0.1', '::1'];

export interface Listening {
  servers: Server[];
  port: number;
  /** Hands every request, on every address, to `handler`. */
  serve(handler: RequestListener): void;
  close(): Promise<void>;
}

export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly host: string,
  ) {
    super(`Port ${port} is already in use on ${host}.`);
    this.name = 'PortInUseError';
  }
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error ? String(error.code) : undefined;
}

function listen(port: number, host: string): Promise<Server> {
  const server = createServer();
  return new Promise((resolve, reject) => {
    server.once('error', (error) => {
      reject(errorCode(error) === 'EADDRINUSE' ? new PortInUseError(port, host) : error);
    });
    server.listen({ port, host, ipv6Only: host.includes(':') }, () => resolve(server));
  });
}

function closeAll(servers: Server[]): Promise<void> {
  const closing = servers.map(
    (server) =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  );
  return Promise.all(closing).then(() => undefined);
}

async function listenOnce(port: number, hosts: string[]): Promise<Listening> {
  const [first, ...others] = hosts;
  if (first === undefined) throw new Error('No host to listen on.');
  const servers = [await listen(port, first)];
  const actualPort = (servers[0].address() as AddressInfo).port;
  for (const host of others) {
    try {
      servers.push(await listen(actualPort, host));
    } catch (error) {
      // A machine without IPv6 has no ::1 to bind; the IPv4 loopback is then enough.
      if (['EADDRNOTAVAIL', 'EAFNOSUPPORT'].includes(errorCode(error) ?? '')) continue;
      await closeAll(servers);
      throw error;
    }
  }
  return {
    servers,
    port: actualPort,
    serve: (handler) => servers.forEach((server) => server.on('request', handler)),
    close: () => closeAll(servers),
  };
}

/**
 * Listens on `host`, or on every loopback address when none is given. With port 0 the system
 * picks a port that is then reused for the other loopback, retrying if that one is taken there.
 */
export async function listenOnLoopback(port: number, host?: string): Promise<Listening> {
  const hosts = host ? [host] : loopbackHosts;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await listenOnce(port, hosts);
    } catch (error) {
      if (!(port === 0 && error instanceof PortInUseError && attempt < 5)) throw error;
    }
  }
}
