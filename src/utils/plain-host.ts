/**
 * A host as DNS or IP spells it, the way a URL's `hostname` holds it (lower case, punycode): labels
 * of letters, digits and hyphens joined by dots (253 characters at most), an IPv4 address, or an
 * IPv6 address in brackets. Anything else a URL parser lets through (`*`, `;`, `'`, `,`) would
 * change a Content-Security-Policy the origin is written into.
 */
export const PLAIN_HOST =
  /^(?:(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])$/;

export const isPlainHost = (hostname: string): boolean => PLAIN_HOST.test(hostname);
