import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Page } from '../idp/html.ts';
import { BodyTooLargeError, ClientGoneError, readBody } from '../sts/http.ts';
import { listenOnLoopback } from '../shared/listen-loopback.ts';
import { guardRequests } from '../shared/request-guard.ts';
import { ConsoleSessionStore, type ConsoleSession } from './console-sessions.ts';
import { getSigninToken, issuerUrl, login, type FederationDeps } from './federation.ts';
import {
  renderConsolePage,
  renderEndedPage,
  renderNotSignedInPage,
  renderSignedOutPage,
  renderSigninFailedPage,
} from './pages.ts';
import { SigninTokenStore } from './signin-tokens.ts';

/**
 * The demo's stand-in for AWS sign-in and the console, on one loopback port:
 *
 *   GET|POST /federation?Action=getSigninToken   Session, SessionDuration → {"SigninToken": …}
 *   GET      /federation?Action=login            SigninToken, Destination, Issuer → the console
 *   GET      /<any console path>                 the demo console page for the signed-in session
 *   POST     /logout                             ends the demo console session (from its own page only)
 *
 * Like AWS's endpoint it answers no CORS: a web page cannot read a sign-in token from it, which is
 * why Rolecall needs the console broker.
 */
export interface DemoConsoleOptions {
  /** 0 picks a free port. */
  port: number;
  /** The demo STS whose credentials may sign in (checked with a signed GetCallerIdentity). */
  stsUrl: string;
  /** When the STS's credentials expire: the console session's end without SessionDuration. */
  credentialExpiry: (accessKeyId: string) => number | undefined;
  now?: () => number;
  /** Host names it answers to besides the loopback ones, for a classroom network. */
  allowedHosts?: readonly string[];
}

export interface RunningDemoConsole {
  url: string;
  /** What the console broker calls: `${url}/federation`. */
  federationUrl: string;
  close(): Promise<void>;
}

const COOKIE = 'demo-console-session';

function sendPage(response: ServerResponse, status: number, page: Page, headers = {}): void {
  response.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': page.contentSecurityPolicy,
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    ...headers,
  });
  response.end(page.html);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  response.end(`${text}\n`);
}

function sessionCookie(id: string, session: ConsoleSession, now: number): string {
  const maxAge = Math.max(0, Math.floor((session.consoleEndsAt - now) / 1000));
  return `${COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}`;
}

const clearedCookie = `${COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;

function cookieValue(request: IncomingMessage): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return value.join('=');
  }
  return undefined;
}

export async function startDemoConsole(options: DemoConsoleOptions): Promise<RunningDemoConsole> {
  const now = options.now ?? Date.now;
  const sessions = new ConsoleSessionStore();
  const deps: FederationDeps = {
    stsUrl: options.stsUrl,
    credentialExpiry: options.credentialExpiry,
    tokens: new SigninTokenStore(),
    now,
  };

  async function federation(request: IncomingMessage, response: ServerResponse, url: URL) {
    const body = request.method === 'POST' ? (await readBody(request)).toString('utf8') : '';
    const params = new URLSearchParams(url.search);
    for (const [name, value] of new URLSearchParams(body)) params.set(name, value);
    const action = params.get('Action');
    if (action === 'getSigninToken') {
      const answer = await getSigninToken(params, deps);
      if (answer.kind === 'refused') return sendText(response, answer.status, answer.reason);
      const json = JSON.stringify({ SigninToken: answer.signinToken });
      response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      return void response.end(json);
    }
    if (action === 'login' && request.method === 'GET') {
      const answer = login(params, deps);
      if (answer.kind === 'refused') {
        const page = renderSigninFailedPage(answer.reason, issuerUrl(params.get('Issuer')));
        return sendPage(response, 400, page);
      }
      const id = sessions.create(answer.session);
      response.writeHead(302, {
        Location: answer.path,
        'Set-Cookie': sessionCookie(id, answer.session, now()),
        'Cache-Control': 'no-store',
      });
      return void response.end();
    }
    sendText(response, 400, 'Action must be getSigninToken (GET or POST) or login (GET).');
  }

  function showConsole(request: IncomingMessage, response: ServerResponse) {
    const id = cookieValue(request);
    const session = sessions.find(id);
    if (!session) return sendPage(response, 401, renderNotSignedInPage());
    if (now() >= session.consoleEndsAt) {
      sessions.end(id);
      return sendPage(response, 401, renderEndedPage(session), { 'Set-Cookie': clearedCookie });
    }
    sendPage(response, 200, renderConsolePage(session, now()));
  }

  function logout(request: IncomingMessage, response: ServerResponse) {
    // Browsers send Origin with every form post. The session cookie is SameSite=Lax, which keeps
    // it from cross-site posts but not from pages on another localhost port (the same site): only
    // the console's own Sign out button may end the session.
    const { origin, host } = request.headers;
    if (origin !== undefined && origin !== `http://${host ?? ''}`) {
      return sendText(response, 403, 'Sign out with the button on the demo console page.');
    }
    const id = cookieValue(request);
    const issuer = sessions.find(id)?.issuer;
    sessions.end(id);
    sendPage(response, 200, renderSignedOutPage(issuer), { 'Set-Cookie': clearedCookie });
  }

  async function handle(request: IncomingMessage, response: ServerResponse, url: URL) {
    const route = `${request.method ?? 'GET'} ${url.pathname}`;
    if (url.pathname === '/federation') return federation(request, response, url);
    if (route === 'POST /logout') return logout(request, response);
    if (url.pathname === '/favicon.ico') return sendText(response, 404, 'No icon.');
    if (request.method === 'GET') return showConsole(request, response);
    sendText(response, 405, 'The demo console answers GET, and POST /federation or /logout.');
  }

  const handler = (request: IncomingMessage, response: ServerResponse, url: URL) => {
    handle(request, response, url).catch((error: unknown) => {
      if (response.headersSent || error instanceof ClientGoneError) return response.destroy();
      const tooLarge = error instanceof BodyTooLargeError;
      if (!tooLarge)
        console.error('Demo console: request failed', error instanceof Error ? error.name : error);
      sendText(
        response,
        tooLarge ? 413 : 500,
        tooLarge ? 'Request body is too large.' : 'The demo console failed.',
      );
    });
  };

  const listening = await listenOnLoopback(options.port);
  listening.serve(
    guardRequests({ server: 'demo console', allowedHosts: options.allowedHosts }, handler),
  );
  const { port } = listening;
  const url = `http://localhost:${port}`;
  return {
    url,
    federationUrl: `${url}/federation`,
    close: () => listening.close(),
  };
}
