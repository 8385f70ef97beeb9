// Test support: just enough of a browser (cookies, redirects, PKCE) to drive the provider.
import { createHash, randomBytes } from 'node:crypto';

interface Cookie {
  value: string;
  path: string;
}

export interface Navigation {
  response: Response;
  /** Where the last response was fetched from, or the redirect target that left the provider. */
  url: URL;
}

export class TestBrowser {
  readonly #cookies = new Map<string, Cookie>();

  constructor(readonly idpUrl: string) {}

  async request(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url, this.idpUrl);
    const headers = new Headers(init.headers);
    const cookie = [...this.#cookies]
      .filter(([, { path }]) => target.pathname.startsWith(path))
      .map(([key, { value }]) => `${key.split(' ')[0]}=${value}`)
      .join('; ');
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(target, { ...init, headers, redirect: 'manual' });
    for (const header of response.headers.getSetCookie()) this.#store(header);
    return response;
  }

  /** Follows redirects while they stay on the provider, like a browser would. */
  async navigate(url: string | URL, init: RequestInit = {}): Promise<Navigation> {
    let target = new URL(url, this.idpUrl);
    let response = await this.request(target, init);
    for (let hops = 0; hops < 10; hops += 1) {
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) break;
      target = new URL(location, target);
      if (target.origin !== new URL(this.idpUrl).origin) break;
      response = await this.request(target);
    }
    return { response, url: target };
  }

  /** Submits a form the way a browser does: urlencoded, then follows the redirects. */
  submit(action: string, fields: Record<string, string>): Promise<Navigation> {
    return this.navigate(action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  }

  #store(header: string): void {
    const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
    const separator = pair.indexOf('=');
    const name = pair.slice(0, separator);
    const value = pair.slice(separator + 1);
    const attribute = (wanted: string): string | undefined =>
      attributes
        .find((candidate) => candidate.toLowerCase().startsWith(`${wanted}=`))
        ?.slice(wanted.length + 1);
    const path = attribute('path') ?? '/';
    const expires = attribute('expires');
    const key = `${name} ${path}`;
    if (!value || (expires !== undefined && Date.parse(expires) <= Date.now())) {
      this.#cookies.delete(key);
    } else {
      this.#cookies.set(key, { value, path });
    }
  }
}

export function createPkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}
