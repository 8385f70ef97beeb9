/**
 * The one redactor. Traffic is redacted where it is recorded (structured: a parameter, header or
 * XML element at a time), and any text is redacted again before the training view shows it (the
 * safety net: anything shaped like a secret). Both use the same names and the same marker, so what
 * a recorder produces passes through the safety net unchanged, with the lengths it reports.
 */

/** Names whose values are secret, matched case-insensitively as the end of a parameter, JSON field or INI key. */
const SECRET_NAMES = [
  'WebIdentityToken',
  'SecurityToken',
  'Security-Token',
  'SessionToken',
  'session_token',
  'SecretAccessKey',
  'secret_access_key',
  'Signature',
  'TokenCode',
  'code_verifier',
  'client_secret',
  'client_assertion',
  'id_token',
  'access_token',
  'refresh_token',
  'password',
];
/** The OAuth authorization code: only this exact name (code_challenge is public). */
const SECRET_EXACT_NAMES = ['code'];
/** Headers whose whole value is secret. */
const SECRET_HEADERS = ['x-amz-security-token', 'cookie', 'set-cookie'];
/** XML elements of STS requests and responses whose text is secret. */
const SECRET_ELEMENTS = ['SecretAccessKey', 'SessionToken', 'WebIdentityToken'];

type MarkerKind = 'JWT' | 'session token';

/** "(redacted: 812 characters)", "(redacted)" when the length is unknown. The one marker. */
export function redactionMarker(length?: number, kind?: MarkerKind): string {
  return `(redacted${kind ? ` ${kind}` : ''}${length === undefined ? '' : `: ${length} characters`})`;
}

const redacted = (value: string, kind?: MarkerKind) => redactionMarker(value.length, kind);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
const NAMES = SECRET_NAMES.map(escape).join('|');
const SECRET_NAME = new RegExp(`^(?:[\\w.-]*?(?:${NAMES})|${SECRET_EXACT_NAMES.join('|')})$`, 'i');

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name) || SECRET_HEADERS.includes(name.toLowerCase());
}

// ---- Structured: where traffic is recorded ----

/** Query or form parameters with every secret value replaced by its marker. */
export function redactParams(params: Iterable<[string, string]>): [string, string][] {
  return [...params].map(([key, value]) => [key, isSecretName(key) ? redacted(value) : value]);
}

/** A form body with its secret parameters (the web identity token above all) replaced by their marker. */
export function redactFormBody(body: string): string {
  return redactParams(new URLSearchParams(body))
    .map(([key, value]) => `${key}=${isSecretName(key) ? value : encodeURIComponent(value)}`)
    .join('&');
}

/** A URL with its secret query parameters (the authorization code) replaced by their marker. */
export function redactUrl(href: string): string {
  const url = new URL(href);
  url.search = new URLSearchParams(redactParams(url.searchParams)).toString();
  return url.toString();
}

/** Headers without secret values, and with the request signature or bearer token hidden. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => {
      if (isSecretName(name)) return [name, redacted(value)];
      if (name.toLowerCase() !== 'authorization') return [name, value];
      return [
        name,
        value
          .replace(
            /(Signature=)([0-9a-f]+)/i,
            (_match, key: string, hex: string) => key + redacted(hex),
          )
          .replace(
            /^((?:Bearer|Basic)\s+)(\S+)/i,
            (_match, scheme: string, secret: string) => scheme + redacted(secret),
          ),
      ];
    }),
  );
}

/** An STS XML document without the secret access key, session token and web identity token. */
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

// ---- Text: the safety net before anything is shown ----

/**
 * A marker, plain or URL-encoded. It counts only where a value ends (end of text, &, white space,
 * a closing JSON quote), so text that imitates one is redacted too.
 */
const MARKER = String.raw`(?:\(redacted(?: JWT| session token)?(?::\s*\d+ characters)?\)|%28redacted(?:%3A(?:%20|\+)\d+(?:%20|\+)characters)?%29)(?=$|[&\s]|"\s*[,}\]])`;

const RULES: [RegExp, (match: string, ...groups: string[]) => string][] = [
  // <SecretAccessKey>…</SecretAccessKey>, with a namespace prefix, attributes, CDATA or no closing tag.
  [
    new RegExp(
      String.raw`(<((?:[\w.-]+:)?(?:${SECRET_ELEMENTS.join('|')}))\b[^>]*(?<!\/)>)([\s\S]*?)(?=<\/\2\s*>|$)`,
      'gi',
    ),
    (_match, open: string, _name: string, value: string) =>
      isMarker(value) ? `${open}${value}` : `${open}${redacted(value)}`,
  ],
  // name=value in query strings, form bodies, INI and env files, and the Authorization header
  // ("Signature=…"). A value that imitates a marker goes to the next & or line end; a quote does
  // not end a value.
  [
    new RegExp(
      String.raw`(^|[?&#\s,;"'(])((?:[\w.-]*?)(?:${NAMES})|${SECRET_EXACT_NAMES.join('|')})(\s*(?:=|%3D)\s*)(?!${MARKER})(\(redacted[^&\r\n]*|[^&\s"'<]+(?:["'][^&\s]*)?|"[^"\r\n]*"|'[^'\r\n]*')`,
      'gi',
    ),
    (_match, before: string, name: string, equals: string, value: string) =>
      `${before}${name}${equals}${redacted(value)}`,
  ],
  // "sessionToken": "…" in JSON.
  [
    new RegExp(String.raw`("[\w.-]*?(?:${NAMES})"\s*:\s*")(?!${MARKER})((?:[^"\\]|\\.)*)(")`, 'gi'),
    (_match, open: string, value: string, close: string) => `${open}${redacted(value)}${close}`,
  ],
  // Header lines whose whole value is secret.
  [
    new RegExp(
      String.raw`^([ \t]*(?:${SECRET_HEADERS.join('|')})[ \t]*:[ \t]*)(?![ \t]|${MARKER})(.+)$`,
      'gim',
    ),
    (_match, name: string, value: string) => `${name}${redacted(value)}`,
  ],
  [
    new RegExp(String.raw`\b((?:Bearer|Basic)\s+)(?!${MARKER})([^\s,"'<]+)`, 'gi'),
    (_match, scheme: string, value: string) => `${scheme}${redacted(value)}`,
  ],
  // Whatever is left that looks like a JWT ({"… base64url-encoded) or an AWS session token.
  [/eyJ[\w\-+/=%]*(?:\.[\w\-+/=%]*){0,2}/g, (match) => redacted(match, 'JWT')],
  [/(?:IQoJb3JpZ2lu|FwoGZXIvYXdz)[\w+/=%-]*/g, (match) => redacted(match, 'session token')],
];

function isMarker(value: string): boolean {
  return new RegExp(`^${MARKER}$`).test(value.trim()) || value.trim() === '';
}

/** Hides tokens, keys, signatures and codes in any raw text (URLs, headers, form bodies, XML, JSON, INI). */
export function redactSecrets(text: string): string {
  return RULES.reduce((result, [pattern, replace]) => result.replace(pattern, replace), text);
}
