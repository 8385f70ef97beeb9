import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { listenOnLoopback } from '../shared/listen-loopback.ts';
import { guardRequests } from '../shared/request-guard.ts';
import type { StsState } from './action-context.ts';
import { ADMIN_PREFIX, handleAdmin, type AdminState } from './admin.ts';
import { AuthorizationMessages } from './authorization-messages.ts';
import { CallLog, NO_ANSWER } from './calls.ts';
import { isoSeconds } from './clock.ts';
import { answerEc2, isEc2Request } from './ec2-stand-in.ts';
import { internalFailure, requestEntityTooLarge, serviceUnavailable } from './errors.ts';
import { NO_FAULTS, type Faults } from './faults.ts';
import {
  answerPreflight,
  BodyTooLargeError,
  ClientGoneError,
  headerMap,
  readBody,
  setCorsHeaders,
} from './http.ts';
import { MfaVerifier } from './mfa.ts';
import { OidcKeyStore } from './oidc-keys.ts';
import { parseParams } from './query.ts';
import {
  callFacts,
  errorResponse,
  type CallFacts,
  handleStsRequest,
  type StsRequest,
  type StsResponse,
} from './router.ts';
import { SessionStore } from './sessions.ts';
import { DEMO_CLIENT_ID, mergeTrustedIssuers, type TrustedIssuer } from './trusted-issuers.ts';
import { DEFAULT_DATA_FILE, loadWorld, parseWorld } from './world.ts';

/**
 * The local STS: an HTTP server on loopback (IPv4 and IPv6, so `localhost` works whichever way a
 * browser resolves it) speaking the AWS query protocol, plus the /__admin/ endpoints.
 */
export type { Faults } from './faults.ts';
export type { TrustedIssuer } from './trusted-issuers.ts';

export interface StsOptions {
  /** 0 picks a free port. */
  port: number;
  /** The demo IdP's issuer, e.g. http://localhost:5180: the first that `{{idp}}` stands for. */
  issuer: string;
  /** The app's client ids at the demo IdP (`{{clientId}}` for it); default `rolecall`. */
  clientIds?: readonly string[];
  /**
   * More issuers every demo account trusts like the demo IdP (the same roles, with their own
   * provider names and client ids): a second provider in tests, or a classroom's own.
   */
  extraIssuers?: readonly TrustedIssuer[];
  /** Defaults to demo/data/aws.json. */
  dataFile?: string;
  faults?: Partial<Faults>;
  /** The demo world as an object (with `{{idp}}` placeholders), instead of dataFile. */
  data?: object;
  /** The server's clock in epoch milliseconds (tests); the clock-offset fault is added to it. */
  now?: () => number;
  /** How long to wait for the IdP's discovery document and JWKS. Default 3000 ms. */
  idpTimeoutMs?: number;
  /** Host names it answers to besides the loopback ones, for a classroom network. */
  allowedHosts?: readonly string[];
}

export interface RunningSts {
  url: string;
  /** When the temporary credentials with this access key id expire (epoch ms, the STS's clock). */
  credentialExpiry: (accessKeyId: string) => number | undefined;
  close(): Promise<void>;
}

function send(response: ServerResponse, result: StsResponse, requestId: string, now: number) {
  response.writeHead(result.status, {
    'Content-Type': 'text/xml',
    'Content-Length': Buffer.byteLength(result.body),
    'x-amzn-RequestId': requestId,
    Date: new Date(now).toUTCString(),
  });
  response.end(result.body);
}

async function readStsRequest(request: IncomingMessage, url: URL): Promise<StsRequest> {
  const body = await readBody(request);
  return {
    method: request.method ?? 'GET',
    path: url.pathname,
    rawQuery: url.search.slice(1),
    headers: headerMap(request.rawHeaders),
    body,
    params: parseParams(url.searchParams, body.toString('utf8')),
  };
}

export async function startSts(options: StsOptions): Promise<RunningSts> {
  const issuers = mergeTrustedIssuers([
    { issuer: options.issuer, clientIds: options.clientIds ?? [DEMO_CLIENT_ID] },
    ...(options.extraIssuers ?? []),
  ]);
  const world = options.data
    ? parseWorld(options.data, issuers)
    : await loadWorld(options.dataFile ?? DEFAULT_DATA_FILE, issuers);
  const state: StsState = {
    world,
    sessions: new SessionStore(),
    keys: new OidcKeyStore({ timeoutMs: options.idpTimeoutMs ?? 3000 }),
    mfa: new MfaVerifier(),
    authorizationMessages: new AuthorizationMessages(),
  };
  const admin: AdminState = { faults: { ...NO_FAULTS, ...options.faults }, calls: new CallLog() };
  const baseNow = options.now ?? Date.now;
  const now = () => baseNow() + admin.faults.clockOffsetSeconds * 1000;

  /** The request as read, or its action alone when its body was too large to read. */
  async function receive(request: IncomingMessage, url: URL) {
    try {
      return await readStsRequest(request, url);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      return { tooLarge: callFacts(new Map(url.searchParams)) };
    }
  }

  /** The answer to one STS call, after any fault; the call is known even when it is refused. */
  function answer(received: StsRequest | { tooLarge: CallFacts }, requestId: string, time: number) {
    if ('tooLarge' in received) {
      return errorResponse(requestEntityTooLarge(), requestId, received.tooLarge);
    }
    const call = callFacts(received.params);
    if (admin.faults.unavailable === 'reset') return { status: NO_ANSWER, body: '', ...call };
    if (admin.faults.unavailable === '503') {
      return errorResponse(serviceUnavailable(), requestId, call);
    }
    if (isEc2Request(received)) return answerEc2(received, state, time, requestId);
    return handleStsRequest(received, state, time, requestId);
  }

  async function serveSts(request: IncomingMessage, response: ServerResponse, url: URL) {
    // Read first, then wait: a client that gives up during the latency has still made its call.
    const received = await receive(request, url);
    const { latencyMs } = admin.faults;
    if (latencyMs > 0) await sleep(latencyMs);
    const requestId = randomUUID();
    const time = now();
    const result = await answer(received, requestId, time);
    const { action, roleArn, status, errorCode } = result;
    admin.calls.record({ action, roleArn, time: isoSeconds(time), requestId, status, errorCode });
    if (status === NO_ANSWER) return void request.socket.destroy();
    send(response, result, requestId, time);
  }

  async function handle(request: IncomingMessage, response: ServerResponse, url: URL) {
    // The admin endpoints get no CORS at all: a web page must never drive them.
    if (url.pathname.startsWith(ADMIN_PREFIX)) {
      return handleAdmin(request, response, url.pathname, admin);
    }
    setCorsHeaders(request, response);
    if (request.method === 'OPTIONS') return answerPreflight(request, response);
    return serveSts(request, response, url);
  }

  const handler = (request: IncomingMessage, response: ServerResponse, url: URL) => {
    handle(request, response, url).catch((error: unknown) => {
      if (response.headersSent || error instanceof ClientGoneError) return response.destroy();
      console.error('STS: request failed', error);
      const requestId = randomUUID();
      send(response, errorResponse(internalFailure(), requestId, { action: '' }), requestId, now());
    });
  };

  const listening = await listenOnLoopback(options.port);
  listening.serve(
    guardRequests({ server: 'demo STS', allowedHosts: options.allowedHosts }, handler),
  );
  return {
    url: `http://localhost:${listening.port}`,
    credentialExpiry: (accessKeyId) => state.sessions.find(accessKeyId)?.expiresAt,
    close: () => listening.close(),
  };
}
