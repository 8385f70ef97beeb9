import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleBrokerRequest } from '../../deploy/console-broker/src/broker.ts';
import { createBrokerConfig } from '../../deploy/console-broker/src/config.ts';
import type { Log } from '../../deploy/console-broker/src/log.ts';
import { BodyTooLargeError, readBody } from '../sts/http.ts';
import { listenOnLoopback } from '../shared/listen-loopback.ts';
import { guardRequests } from '../shared/request-guard.ts';

/**
 * The console broker (deploy/console-broker) on a loopback HTTP port for the demo stack: the same
 * request handling as the Lambda function, behind a plain Node server instead of a function URL.
 */
export interface ConsoleBrokerOptions {
  /** 0 picks a free port. */
  port: number;
  /** Rolecall's origin(s). */
  allowedOrigins: readonly string[];
  /** The federation endpoint to call: the demo console's. */
  federationUrl: string;
  /** Quiet by default, like the demo STS; tests pass one to see the log lines. */
  log?: Log;
  /** Host names it answers to besides the loopback ones, for a classroom network. */
  allowedHosts?: readonly string[];
}

export interface RunningConsoleBroker {
  url: string;
  close(): Promise<void>;
}

function headersOf(request: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

export async function startConsoleBroker(
  options: ConsoleBrokerOptions,
): Promise<RunningConsoleBroker> {
  const config = createBrokerConfig({
    allowedOrigins: options.allowedOrigins,
    federationUrl: options.federationUrl,
  });
  const deps = { fetch, now: Date.now, log: options.log ?? (() => undefined) };

  async function handle(request: IncomingMessage, response: ServerResponse) {
    // Bodies over the broker's own limit reach it and get its JSON refusal; readBody stops at 256 KiB.
    const body = (await readBody(request)).toString('utf8');
    const answer = await handleBrokerRequest(
      { method: request.method ?? 'GET', headers: headersOf(request), body },
      config,
      deps,
    );
    response.writeHead(answer.status, answer.headers);
    response.end(answer.body);
  }

  const handler = (request: IncomingMessage, response: ServerResponse) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) return response.destroy();
      const tooLarge = error instanceof BodyTooLargeError;
      response.writeHead(tooLarge ? 413 : 500, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(tooLarge ? 'Request body is too large.\n' : 'The demo console broker failed.\n');
    });
  };

  const listening = await listenOnLoopback(options.port);
  listening.serve(
    guardRequests({ server: 'demo console broker', allowedHosts: options.allowedHosts }, handler),
  );
  const { port } = listening;
  return {
    url: `http://localhost:${port}/`,
    close: () => listening.close(),
  };
}
