import type { RawMessage } from './exchange';

const SECRET_PARAMS = /token|secret|password/i;
const SECRET_HEADERS = new Set(['x-amz-security-token', 'cookie']);
const SECRET_ELEMENTS = ['SecretAccessKey', 'SessionToken', 'WebIdentityToken'];

const redacted = (value: string) => `(redacted: ${value.length} characters)`;

/** A form body with its secret parameters (the web identity token above all) replaced by their length. */
export function redactFormBody(body: string): string {
  const params = new URLSearchParams(body);
  return [...params]
    .map(
      ([key, value]) =>
        `${key}=${SECRET_PARAMS.test(key) ? redacted(value) : encodeURIComponent(value)}`,
    )
    .join('&');
}

/** Headers without the session token, and with the request signature hidden. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => {
      const lower = name.toLowerCase();
      if (SECRET_HEADERS.has(lower)) return [name, redacted(value)];
      if (lower === 'authorization')
        return [name, value.replace(/Signature=[0-9a-f]+/i, 'Signature=(redacted)')];
      return [name, value];
    }),
  );
}

/** An STS XML response without the secret access key and session token. */
export function redactXml(xml: string): string {
  return SECRET_ELEMENTS.reduce(
    (text, element) =>
      text.replace(
        new RegExp(`<${element}>([^<]*)</${element}>`, 'g'),
        (_match, value: string) => `<${element}>${redacted(value)}</${element}>`,
      ),
    xml,
  );
}

export function redactMessage(message: RawMessage, kind: 'form' | 'xml'): RawMessage {
  return {
    headers: redactHeaders(message.headers),
    body: kind === 'form' ? redactFormBody(message.body) : redactXml(message.body),
  };
}
