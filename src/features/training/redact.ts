/**
 * A second line of defence for the training view: the exchanges and trace arrive already redacted,
 * but anything shaped like a secret is hidden again before it reaches the screen. Values already
 * replaced by a redaction marker are left as they are, so the lengths they report survive; a marker
 * counts only where a value ends (end of text, &, white space, a closing JSON quote), so text that
 * imitates one is redacted too.
 */
const MARKER = String.raw`(?:\(redacted(?::\s*\d+ characters)?\)|%28redacted(?:%3A(?:%20|\+)\d+(?:%20|\+)characters)?%29)(?=$|[&\s]|"\s*[,}\]])`;

const redacted = (value: string) => `(redacted: ${value.length} characters)`;

const SECRET_NAMES = String.raw`WebIdentityToken|Security-Token|SecurityToken|Signature|SecretAccessKey|SessionToken|code_verifier|client_secret|client_assertion|id_token|access_token|refresh_token|TokenCode|password`;

const RULES: [RegExp, (match: string, ...groups: string[]) => string][] = [
  // <SecretAccessKey>…</SecretAccessKey>, with a namespace prefix, attributes, CDATA or no closing tag.
  [
    /(<((?:[\w.-]+:)?(?:SecretAccessKey|SessionToken|WebIdentityToken))\b[^>]*(?<!\/)>)([\s\S]*?)(?=<\/\2\s*>|$)/gi,
    (_match, open: string, _name: string, value: string) =>
      isMarker(value) ? `${open}${value}` : `${open}${redacted(value)}`,
  ],
  // name=value in query strings, form bodies and the Authorization header ("Signature=…"). A value
  // that imitates a marker goes to the next & or line end; a quote does not end a value.
  [
    new RegExp(
      String.raw`(^|[?&#\s,;"'(])((?:[\w.-]*?)(?:${SECRET_NAMES})|code)(\s*(?:=|%3D)\s*)(?!${MARKER})(\(redacted[^&\r\n]*|[^&\s"'<]+(?:["'][^&\s]*)?)`,
      'gi',
    ),
    (_match, before: string, name: string, equals: string, value: string) =>
      `${before}${name}${equals}${redacted(value)}`,
  ],
  // "sessionToken": "…" in JSON.
  [
    new RegExp(
      String.raw`("[\w.-]*?(?:${SECRET_NAMES})"\s*:\s*")(?!${MARKER})((?:[^"\\]|\\.)*)(")`,
      'gi',
    ),
    (_match, open: string, value: string, close: string) => `${open}${redacted(value)}${close}`,
  ],
  // Header lines whose whole value is secret.
  [
    new RegExp(
      String.raw`^([ \t]*(?:x-amz-security-token|cookie|set-cookie)[ \t]*:[ \t]*)(?!${MARKER})(.+)$`,
      'gim',
    ),
    (_match, name: string, value: string) => `${name}${redacted(value)}`,
  ],
  [
    new RegExp(String.raw`\b((?:Bearer|Basic)\s+)(?!${MARKER})([^\s,"'<]+)`, 'gi'),
    (_match, scheme: string, value: string) => `${scheme}${redacted(value)}`,
  ],
  // Whatever is left that looks like a JWT ({"… base64url-encoded) or an AWS session token.
  [
    /eyJ[\w\-+/=%]*(?:\.[\w\-+/=%]*){0,2}/g,
    (match) => `(redacted JWT: ${match.length} characters)`,
  ],
  [
    /(?:IQoJb3JpZ2lu|FwoGZXIvYXdz)[\w+/=%-]*/g,
    (match) => `(redacted session token: ${match.length} characters)`,
  ],
];

function isMarker(value: string): boolean {
  return new RegExp(`^${MARKER}$`).test(value.trim()) || value.trim() === '';
}

/** Hides tokens, keys, signatures and codes in any raw text (URLs, headers, form bodies, XML, JSON). */
export function redactSecrets(text: string): string {
  return RULES.reduce((result, [pattern, replace]) => result.replace(pattern, replace), text);
}
