import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { listSetting, type Env } from './env.ts';

/**
 * What every demo server (IdP, STS, demo console, console broker) checks before it looks at a
 * request:
 * - the request target must be a path (`/x?y`): a target that is no URL (`GET http://[/`, `GET //`),
 *   an absolute URL (which would name another host than the Host header) or a scheme-relative
 *   `//host/x` (or `/\host/x`, which URL parsing reads the same) is answered 400, not a stack trace;
 * - the Host header must name this machine (loopback names) or a name the trainer allowed for a
 *   classroom network (DEMO_ALLOWED_HOSTS). A page using DNS rebinding (evil.example made to
 *   resolve to 127.0.0.1) could otherwise read the demo servers as its own origin; its requests
 *   still say `Host: evil.example`, and are refused with 421 Misdirected Request.
 */
export const LOOPBACK_HOST_NAMES = ['localhost', '127.0.0.1', '[::1]'];

const HOST_HEADER = /^(\[[0-9a-f:.]+\]|[^:[\]/@\s]+)(?::\d{1,5})?$/i;

/**
 * The request target as a URL when it is a path (origin form, RFC 9112 §3.2.1: one `/`, then the
 * path and query); null for anything else, which every demo server and the dev server answer 400.
 * URL parsing reads `\` as `/` and drops tabs and newlines, so `/\host/x` and `/<TAB>/host/x`
 * would name another host: a target with a control character, or a second `/` or `\` at its
 * start, is refused.
 */
export function requestPath(target: string | undefined): URL | null {
  const path = target ?? '/';
  if (/\p{Cc}/u.test(path) || !/^\/(?![/\\])/.test(path)) return null;
  return URL.parse(path, 'http://localhost');
}

export const BAD_TARGET_MESSAGE = 'Bad request: the request target is not a valid URL path.\n';

/** `LocalHost.:5190` → `localhost`, `[::1]:5190` → `[::1]`; undefined when it is no host. */
export function hostName(host: string | undefined): string | undefined {
  const match = HOST_HEADER.exec(host?.trim() ?? '');
  return match?.[1]?.toLowerCase().replace(/\.$/, '');
}

/** An allowed name as the Host header spells it: IPv6 addresses in brackets. */
const asHostName = (name: string) =>
  hostName(name.includes(':') && !name.startsWith('[') ? `[${name}]` : name);

/** DEMO_ALLOWED_HOSTS: host names (or addresses) besides loopback, comma-separated. */
export function allowedHostsFromEnv(env: Env): string[] {
  return listSetting(env, 'DEMO_ALLOWED_HOSTS') ?? [];
}

export interface GuardOptions {
  /** How the server names itself in messages, e.g. `Demo STS`. */
  server: string;
  /** Host names allowed besides the loopback ones. */
  allowedHosts?: readonly string[];
}

export type GuardedHandler = (request: IncomingMessage, response: ServerResponse, url: URL) => void;

/** A plain-text refusal that closes the connection. */
export function refuse(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(message),
    'Cache-Control': 'no-store',
    Connection: 'close',
  });
  response.end(message);
}

/** Wraps a server's handler: it sees only requests for an allowed host with a parsable target. */
export function guardRequests(options: GuardOptions, handler: GuardedHandler): RequestListener {
  const allowed = new Set(
    [...LOOPBACK_HOST_NAMES, ...(options.allowedHosts ?? [])].flatMap(
      (name) => asHostName(name) ?? [],
    ),
  );
  const shown = [...allowed].join(', ');
  const warned = new Set<string>();

  return (request, response) => {
    const host = hostName(request.headers.host);
    if (host === undefined || !allowed.has(host)) {
      const named = request.headers.host ?? '(none)';
      if (!warned.has(named)) {
        warned.add(named);
        console.warn(
          `${options.server}: refusing requests for host "${named}" (allowed: ${shown}; see DEMO_ALLOWED_HOSTS).`,
        );
      }
      return refuse(
        response,
        421,
        `The ${options.server} answers only to the host names ${shown}, and this request was for "${named}". ` +
          'On a classroom network, add the name it is reached by to DEMO_ALLOWED_HOSTS (comma-separated) and restart it.\n',
      );
    }
    const url = requestPath(request.url);
    if (!url) return refuse(response, 400, BAD_TARGET_MESSAGE);
    handler(request, response, url);
  };
}
