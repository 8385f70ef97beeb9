import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { incompleteSignature } from './errors.ts';

/**
 * Signature Version 4, recomputed from the request as received
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html). Both forms are
 * read: the Authorization header, and the presigned query string (X-Amz-Signature & co).
 * This module only parses and computes; deciding what a failure means is auth.ts's job.
 */
export interface HttpRequestParts {
  method: string;
  /** Path as received, still percent-encoded, without the query. */
  path: string;
  /** Query string as received, without `?`. */
  rawQuery: string;
  /** Lower-cased header name → every value received for it. */
  headers: ReadonlyMap<string, readonly string[]>;
  body: Buffer;
}

export interface CredentialScope {
  date: string;
  region: string;
  service: string;
  terminator: string;
}

export interface SignatureParameters {
  accessKeyId: string;
  scope: CredentialScope;
  signedHeaders: readonly string[];
  signature: string;
  /** The signing time, `YYYYMMDD'T'HHMMSS'Z'`. */
  amzDate: string;
  sessionToken?: string;
  /** Presigned requests only: validity in seconds from amzDate. */
  expiresSeconds?: number;
  presigned: boolean;
}

export const ALGORITHM = 'AWS4-HMAC-SHA256';

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) =>
  createHmac('sha256', key).update(data).digest();

/** RFC 3986 encoding, as SigV4 wants it: everything but unreserved characters. */
export const encodeRfc3986 = (text: string) =>
  encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function header(request: HttpRequestParts, name: string): string | undefined {
  return request.headers.get(name)?.[0];
}

function queryPairs(rawQuery: string): [string, string][] {
  return rawQuery
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const key = equals < 0 ? pair : pair.slice(0, equals);
      const value = equals < 0 ? '' : pair.slice(equals + 1);
      return [safeDecode(key), safeDecode(value)];
    });
}

function parseScope(credential: string): { accessKeyId: string; scope: CredentialScope } {
  const [accessKeyId = '', date = '', region = '', service = '', terminator = ''] =
    credential.split('/');
  return { accessKeyId, scope: { date, region, service, terminator } };
}

/** `Thu, 01 Jan 2026 10:00:00 GMT` → `20260101T100000Z`, for clients that sign `Date`. */
function httpDateToAmzDate(httpDate: string): string | undefined {
  const time = Date.parse(httpDate);
  return Number.isNaN(time) ? undefined : formatAmzDate(time);
}

function parseHeaderForm(request: HttpRequestParts, authorization: string): SignatureParameters {
  const [algorithm = '', ...rest] = authorization.trim().split(/\s+/);
  const fields = new Map<string, string>();
  for (const part of rest.join(' ').split(',')) {
    const equals = part.indexOf('=');
    if (equals > 0) fields.set(part.slice(0, equals).trim(), part.slice(equals + 1).trim());
  }
  const missing = ['Credential', 'Signature', 'SignedHeaders'].filter((name) => !fields.has(name));
  if (algorithm !== ALGORITHM || missing.length > 0) {
    const problems =
      algorithm !== ALGORITHM ? [`Unsupported AWS 'algorithm': '${algorithm}'.`] : [];
    problems.push(...missing.map((name) => `Authorization header requires '${name}' parameter.`));
    throw incompleteSignature(problems.join(' '));
  }
  const amzDate = header(request, 'x-amz-date') ?? httpDateToAmzDate(header(request, 'date') ?? '');
  if (!amzDate) {
    throw incompleteSignature(
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
    );
  }
  return {
    ...parseScope(fields.get('Credential') ?? ''),
    signedHeaders: (fields.get('SignedHeaders') ?? '').split(';'),
    signature: fields.get('Signature') ?? '',
    amzDate,
    sessionToken: header(request, 'x-amz-security-token'),
    presigned: false,
  };
}

function parseQueryForm(query: Map<string, string>): SignatureParameters {
  const required = [
    'X-Amz-Algorithm',
    'X-Amz-Credential',
    'X-Amz-Date',
    'X-Amz-Expires',
    'X-Amz-SignedHeaders',
  ];
  const missing = required.filter((name) => !query.has(name));
  if (missing.length > 0 || query.get('X-Amz-Algorithm') !== ALGORITHM) {
    const problems = missing.map((name) => `AWS query-string parameters must include '${name}'.`);
    throw incompleteSignature([...problems, 'Re-examine the query-string parameters.'].join(' '));
  }
  const expires = query.get('X-Amz-Expires');
  return {
    ...parseScope(query.get('X-Amz-Credential') ?? ''),
    signedHeaders: (query.get('X-Amz-SignedHeaders') ?? '').split(';'),
    signature: query.get('X-Amz-Signature') ?? '',
    amzDate: query.get('X-Amz-Date') ?? '',
    sessionToken: query.get('X-Amz-Security-Token'),
    expiresSeconds: expires === undefined ? undefined : Number(expires),
    presigned: true,
  };
}

/** The request's signature parameters, or undefined when it is not signed at all. */
export function parseSignature(request: HttpRequestParts): SignatureParameters | undefined {
  const authorization = header(request, 'authorization');
  if (authorization !== undefined) return parseHeaderForm(request, authorization);
  const query = new Map(queryPairs(request.rawQuery));
  if (query.has('X-Amz-Signature') || query.has('X-Amz-Algorithm')) return parseQueryForm(query);
  return undefined;
}

function canonicalUri(path: string): string {
  if (path === '' || path === '/') return '/';
  return path
    .split('/')
    .map((segment) => encodeRfc3986(segment))
    .join('/');
}

function canonicalQuery(rawQuery: string, presigned: boolean): string {
  return queryPairs(rawQuery)
    .filter(([key]) => !(presigned && key === 'X-Amz-Signature'))
    .map(([key, value]) => [encodeRfc3986(key), encodeRfc3986(value)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
}

function canonicalHeaders(request: HttpRequestParts, signedHeaders: readonly string[]): string {
  return signedHeaders
    .map((name) => {
      const values = request.headers.get(name) ?? [];
      return `${name}:${values.map((v) => v.trim().replace(/\s+/g, ' ')).join(',')}\n`;
    })
    .join('');
}

export function canonicalRequest(request: HttpRequestParts, params: SignatureParameters): string {
  // Always the hash of the body received: a signed x-amz-content-sha256 header must not vouch for
  // a body that was changed on the way.
  const payloadHash = sha256Hex(request.body);
  return [
    request.method.toUpperCase(),
    canonicalUri(request.path),
    canonicalQuery(request.rawQuery, params.presigned),
    canonicalHeaders(request, params.signedHeaders),
    params.signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
}

export function stringToSign(params: SignatureParameters, canonical: string): string {
  const { date, region, service, terminator } = params.scope;
  const scope = [date, region, service, terminator].join('/');
  return [ALGORITHM, params.amzDate, scope, sha256Hex(canonical)].join('\n');
}

export function signingKey(secretAccessKey: string, scope: CredentialScope): Buffer {
  const dateKey = hmac(`AWS4${secretAccessKey}`, scope.date);
  const regionKey = hmac(dateKey, scope.region);
  const serviceKey = hmac(regionKey, scope.service);
  return hmac(serviceKey, scope.terminator);
}

export function computeSignature(
  request: HttpRequestParts,
  params: SignatureParameters,
  secretAccessKey: string,
): string {
  const toSign = stringToSign(params, canonicalRequest(request, params));
  return createHmac('sha256', signingKey(secretAccessKey, params.scope))
    .update(toSign)
    .digest('hex');
}

export function signatureMatches(
  request: HttpRequestParts,
  params: SignatureParameters,
  secretAccessKey: string,
): boolean {
  const expected = Buffer.from(computeSignature(request, params, secretAccessKey));
  const given = Buffer.from(params.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** `20260101T100000Z` → epoch milliseconds, or NaN. */
export function parseAmzDate(amzDate: string): number {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  if (!match) return Number.NaN;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  return Date.UTC(year ?? 0, (month ?? 1) - 1, day, hour, minute, second);
}

export function formatAmzDate(epochMs: number): string {
  return new Date(epochMs)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}
