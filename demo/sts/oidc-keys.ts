import { createLocalJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { idpCommunicationError } from './errors.ts';

/**
 * Where an issuer publishes its discovery document: OpenID Connect Discovery 1.0 §4 appends
 * `/.well-known/openid-configuration` to the issuer after removing any terminating `/`, so
 * `https://tenant.auth0.com/` and `https://idp.example.com/realms/x` both work
 * (https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfig).
 */
export function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
}

/**
 * The signing keys of OpenID Connect providers, found as AWS finds them: the discovery document
 * names `jwks_uri`, which serves the keys
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html).
 * Keys are cached per issuer; a token signed with an unknown `kid` makes the caller ask again
 * (`refresh`), which is how a provider's key rotation is picked up.
 */
export interface KeyStoreOptions {
  /** How long to wait for the provider; AWS answers IDPCommunicationError when it gives up. */
  timeoutMs: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export class OidcKeyStore {
  private readonly cache = new Map<string, Promise<JWTVerifyGetKey>>();

  constructor(private readonly options: KeyStoreOptions) {}

  /** The issuer's keys, from the cache unless `refresh` or not cached yet. */
  async keys(issuer: string, refresh = false): Promise<JWTVerifyGetKey> {
    const cached = this.cache.get(issuer);
    if (cached && !refresh) return cached;
    const pending = this.fetchKeys(issuer);
    this.cache.set(issuer, pending);
    // A failed fetch is not remembered: the next token tries again.
    pending.catch(() => {
      if (this.cache.get(issuer) === pending) this.cache.delete(issuer);
    });
    return pending;
  }

  clear(): void {
    this.cache.clear();
  }

  private async fetchKeys(issuer: string): Promise<JWTVerifyGetKey> {
    const discovery = await this.fetchJson(discoveryUrl(issuer));
    if (!isRecord(discovery) || typeof discovery.jwks_uri !== 'string') {
      throw idpCommunicationError(`The discovery document of ${issuer} names no jwks_uri.`);
    }
    const jwks = await this.fetchJson(discovery.jwks_uri);
    if (!isRecord(jwks) || !Array.isArray(jwks.keys)) {
      throw idpCommunicationError(`The JWKS of ${issuer} has no keys.`);
    }
    return createLocalJWKSet(jwks as unknown as JSONWebKeySet);
  }

  private async fetchJson(url: string): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      const reason =
        error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : 'failed';
      throw idpCommunicationError(`Couldn't reach the identity provider: ${url} ${reason}.`);
    }
    if (!response.ok) {
      throw idpCommunicationError(
        `Couldn't reach the identity provider: ${url} answered HTTP ${response.status}.`,
      );
    }
    try {
      return await response.json();
    } catch {
      throw idpCommunicationError(`The identity provider answered ${url} with invalid JSON.`);
    }
  }
}
