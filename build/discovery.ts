import { discoveryUrl } from '../src/utils/oidc-provider.ts';

/** The fields of an OpenID Connect discovery document that tell where the app connects. */
export interface DiscoveryDocument {
  issuer?: string;
  authorization_endpoint?: string;
  token_endpoint?: string;
  userinfo_endpoint?: string;
  revocation_endpoint?: string;
  end_session_endpoint?: string;
}

export type DiscoveryResult =
  | { ok: true; url: string; document: DiscoveryDocument }
  | { ok: false; url: string; reason: string };

/** Reads the provider's discovery document; never throws, says why when it cannot. */
export async function readDiscovery(
  authority: string,
  options: { timeoutMs?: number; fetch?: typeof fetch } = {},
): Promise<DiscoveryResult> {
  const url = discoveryUrl(authority);
  const fetcher = options.fetch ?? fetch;
  try {
    const response = await fetcher(url, {
      signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
      headers: { accept: 'application/json' },
    });
    if (!response.ok) return { ok: false, url, reason: `it answered ${response.status}` };
    const document: unknown = await response.json();
    if (typeof document !== 'object' || document === null || Array.isArray(document)) {
      return { ok: false, url, reason: 'it is not a JSON object' };
    }
    return { ok: true, url, document };
  } catch (error) {
    const reason =
      error instanceof Error && error.name === 'TimeoutError'
        ? 'no answer within the time limit'
        : error instanceof Error
          ? describeFetchError(error)
          : String(error);
    return { ok: false, url, reason };
  }
}

function describeFetchError(error: Error): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (error instanceof SyntaxError) return `it is not JSON (${error.message})`;
  return cause?.code ?? cause?.message ?? error.message;
}
