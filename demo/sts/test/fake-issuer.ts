import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

/**
 * A stand-in OpenID Connect issuer for tests: serves discovery and a JWKS on a random loopback port
 * and mints ID tokens with jose. It can rotate its keys, sign with a key it never published, and
 * misbehave (HTTP 500 or no answer at all) to provoke IDPCommunicationError.
 */
export type SigningAlgorithm = 'RS256' | 'RS384' | 'RS512' | 'ES256' | 'ES384' | 'ES512';

interface SigningKey {
  kid: string;
  alg: SigningAlgorithm;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export interface MintOptions {
  alg?: SigningAlgorithm;
  /** Sign with a key that is not in the JWKS (and never will be). */
  unpublishedKey?: boolean;
  /** Override or remove (`undefined`) header fields. */
  kid?: string;
}

export type IssuerBehaviour = 'normal' | 'discovery-500' | 'jwks-500' | 'hang';

export interface FakeIssuerOptions {
  /** A path for the issuer, e.g. `/realms/x`, or `/` for an issuer with a trailing slash. */
  path?: string;
  /** The algorithms it has keys for; all six by default (key generation takes a while). */
  algorithms?: SigningAlgorithm[];
}

export interface FakeIssuer {
  /** e.g. http://127.0.0.1:41234, or with the path given */
  issuer: string;
  /** Seconds since the epoch, as used for default iat/exp. */
  nowSeconds(): number;
  /** Claims over the defaults (iss, sub user-alice, aud rolecall, iat now, exp in an hour); may be invalid on purpose. */
  mint(claims?: Record<string, unknown>, options?: MintOptions): Promise<string>;
  /** Replaces every published key with fresh ones. */
  rotateKeys(): Promise<void>;
  /** Publishes a second key for every algorithm; tokens are still signed with the first. */
  publishSecondKeys(): Promise<void>;
  behave(behaviour: IssuerBehaviour): void;
  /** How many times discovery was fetched. */
  discoveryFetches: number;
  /** How many times the JWKS was fetched. */
  jwksFetches: number;
  close(): Promise<void>;
}

const ALGORITHMS: SigningAlgorithm[] = ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512'];

async function newKey(alg: SigningAlgorithm): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const kid = `${alg.toLowerCase()}-${randomUUID().slice(0, 8)}`;
  return {
    kid,
    alg,
    privateKey,
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' },
  };
}

export async function startFakeIssuer({
  path = '',
  algorithms = ALGORITHMS,
}: FakeIssuerOptions = {}): Promise<FakeIssuer> {
  const newKeys = () => Promise.all(algorithms.map(newKey));
  let keys = await newKeys();
  let published = keys;
  // Discovery 1.0 §4: the issuer, less a terminating "/", then /.well-known/openid-configuration.
  const base = path.replace(/\/$/, '');
  const unpublished = await newKey('RS256');
  let behaviour: IssuerBehaviour = 'normal';
  const hanging = new Set<() => void>();

  const server: Server = createServer((request, response) => {
    if (behaviour === 'hang') {
      hanging.add(() => response.destroy());
      return;
    }
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.url === `${base}/.well-known/openid-configuration`) {
      fake.discoveryFetches += 1;
      if (behaviour === 'discovery-500') return send(500, { error: 'down' });
      return send(200, { issuer: fake.issuer, jwks_uri: `${origin}${base}/jwks` });
    }
    if (request.url === `${base}/jwks`) {
      fake.jwksFetches += 1;
      if (behaviour === 'jwks-500') return send(500, { error: 'down' });
      return send(200, { keys: published.map((key) => key.publicJwk) });
    }
    send(404, { error: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  const fake: FakeIssuer = {
    issuer: `${origin}${path}`,
    discoveryFetches: 0,
    jwksFetches: 0,
    nowSeconds: () => Math.floor(Date.now() / 1000),
    async mint(claims = {}, options = {}) {
      const alg = options.alg ?? 'RS256';
      const key = options.unpublishedKey ? unpublished : keys.find((k) => k.alg === alg);
      if (!key) throw new Error(`No ${alg} key`);
      const now = fake.nowSeconds();
      const payload = {
        iss: fake.issuer,
        sub: 'user-alice',
        aud: 'rolecall',
        iat: now,
        exp: now + 3600,
        ...claims,
      };
      const kid = 'kid' in options ? options.kid : key.kid;
      return new SignJWT(payload).setProtectedHeader({ alg, kid, typ: 'JWT' }).sign(key.privateKey);
    },
    async rotateKeys() {
      keys = await newKeys();
      published = keys;
    },
    async publishSecondKeys() {
      published = [...keys, ...(await newKeys())];
    },
    behave(next) {
      behaviour = next;
    },
    async close() {
      for (const release of hanging) release();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
  return fake;
}
