import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider from 'oidc-provider';
import { createAccounts, loadDemoUsers, type DemoUser } from './accounts.ts';
import { createConfiguration } from './configuration.ts';
import { createInteractionHandler, interactionPrefix } from './interactions.ts';
import { listenOnLoopback } from '../shared/listen-loopback.ts';
import { guardRequests } from '../shared/request-guard.ts';

export interface IdpOptions {
  /** 0 picks a free port; `url` then tells which. */
  port: number;
  /** Listens on both 127.0.0.1 and ::1 unless a host is given. */
  host?: string;
  /** Defaults to `http://localhost:${port}`; must be an origin (no path). */
  issuer?: string;
  appOrigins: string[];
  /** Host names it answers to besides the loopback ones and the issuer's, for a classroom. */
  allowedHosts?: readonly string[];
  idTokenTtlSeconds?: number;
  accessTokenTtlSeconds?: number;
  /** Defaults to the users of demo/data/users.json (the benchmark adds people with many roles). */
  users?: DemoUser[];
}

export interface RunningIdp {
  /** The issuer: discovery is at `${url}/.well-known/openid-configuration`. */
  url: string;
  close(): Promise<void>;
}

function originOf(value: string, what: string): string {
  const url = URL.parse(value);
  if (!url || !['http:', 'https:'].includes(url.protocol) || url.pathname !== '/' || url.search) {
    throw new Error(`${what} must be an origin such as http://localhost:5173, got "${value}".`);
  }
  return url.origin;
}

async function createSigningKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: 'RS256', use: 'sig' };
}

export async function startIdp(options: IdpOptions): Promise<RunningIdp> {
  const appOrigins = options.appOrigins.map((origin) => originOf(origin, 'Each app origin'));
  if (appOrigins.length === 0) throw new Error('The demo IdP needs at least one app origin.');
  const issuer = options.issuer === undefined ? undefined : originOf(options.issuer, 'The issuer');
  const accounts = createAccounts(options.users ?? loadDemoUsers());
  const signingKey = await createSigningKey();

  const listening = await listenOnLoopback(options.port, options.host);
  const url = issuer ?? `http://localhost:${listening.port}`;
  const configuration = createConfiguration({
    accounts,
    appOrigins,
    signingKey,
    cookieKeys: [randomBytes(32).toString('base64url')],
    idTokenTtlSeconds: options.idTokenTtlSeconds ?? 3600,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
  });

  let provider: Provider;
  try {
    provider = new Provider(url, configuration);
  } catch (error) {
    await listening.close();
    throw error;
  }
  provider.on('server_error', (_ctx, error) => console.error('Demo IdP: unexpected error', error));

  const handleProvider = provider.callback();
  const handleInteraction = createInteractionHandler({
    provider,
    accounts,
    appUrl: `${appOrigins[0]}/`,
  });
  const handle = (req: IncomingMessage, res: ServerResponse, target: URL): void => {
    const interaction = target.pathname.startsWith(interactionPrefix);
    void (interaction ? handleInteraction(req, res) : handleProvider(req, res));
  };
  const allowedHosts = [...(options.allowedHosts ?? []), new URL(url).hostname];
  listening.serve(guardRequests({ server: 'demo IdP', allowedHosts }, handle));

  return { url, close: () => listening.close() };
}
