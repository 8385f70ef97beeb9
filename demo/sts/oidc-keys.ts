import { idpCommunicationError } from './errors.ts';
import { importJwks, type VerificationKey } from './jws.ts';

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
 * Per issuer, the discovery document's `jwks_uri` and the imported keys are cached. A token
 * signed with an unknown `kid` makes the caller ask again (`refresh`): the JWKS is fetched anew,
 * once for all the requests waiting on it, which is how a provider's key rotation is picked up.
 * A failed fetch is not remembered, so the next token tries again, discovery included.
 */
export interface KeyStoreOptions {
  /** How long to wait for the provider; AWS answers IDPCommunicationError when it gives up. */
  timeoutMs: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export class OidcKeyStore {
  private readonly jwksUris = new Map<string, Promise<string>>();
  private readonly keySets = new Map<string, Promise<VerificationKey[]>>();
  private readonly refreshing = new Map<string, Promise<VerificationKey[]>>();

  constructor(private readonly options: KeyStoreOptions) {}

  /** The issuer's keys, from the cache unless `refresh` or not cached yet. */
  keys(issuer: string, refresh = false): Promise<VerificationKey[]> {
    const cached = this.keySets.get(issuer);
    if (cached && !refresh) return cached;
    const pending = (refresh && this.refreshing.get(issuer)) || this.fetchKeys(issuer);
    this.keySets.set(issuer, pending);
    if (refresh) this.refreshing.set(issuer, pending);
    pending.then(
      () => this.refreshing.delete(issuer),
      () => {
        this.refreshing.delete(issuer);
        if (this.keySets.get(issuer) === pending) this.keySets.delete(issuer);
        this.jwksUris.delete(issuer);
      },
    );
    return pending;
  }

  clear(): void {
    this.jwksUris.clear();
    this.keySets.clear();
  }

  private jwksUri(issuer: string): Promise<string> {
    let uri = this.jwksUris.get(issuer);
    if (!uri) {
      uri = this.fetchJson(discoveryUrl(issuer)).then((discovery) => {
        if (!isRecord(discovery) || typeof discovery.jwks_uri !== 'string') {
          throw idpCommunicationError(`The discovery document of ${issuer} names no jwks_uri.`);
        }
        return discovery.jwks_uri;
      });
      this.jwksUris.set(issuer, uri);
    }
    return uri;
  }

  private async fetchKeys(issuer: string): Promise<VerificationKey[]> {
    const jwks = await this.fetchJson(await this.jwksUri(issuer));
    if (!isRecord(jwks) || !Array.isArray(jwks.keys)) {
      throw idpCommunicationError(`The JWKS of ${issuer} has no keys.`);
    }
    return importJwks({ keys: jwks.keys });
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
