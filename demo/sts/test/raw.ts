import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';

/**
 * Plain HTTP against the STS, for what the SDK will not do: unsigned or oddly signed calls, GET
 * query strings, and a look at the raw XML and headers.
 */
export interface RawResponse {
  status: number;
  headers: Headers;
  body: string;
}

async function toRaw(response: Response): Promise<RawResponse> {
  return { status: response.status, headers: response.headers, body: await response.text() };
}

export async function post(url: string, params: Record<string, string>, headers = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(params).toString(),
  });
  return toRaw(response);
}

export async function get(url: string, params: Record<string, string>, headers = {}) {
  return toRaw(await fetch(`${url}/?${new URLSearchParams(params).toString()}`, { headers }));
}

export interface Keys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface SignOptions {
  credentials: Keys;
  service?: string;
  region?: string;
  signingDate?: Date;
}

const signerFor = (options: SignOptions) =>
  new SignatureV4({
    service: options.service ?? 'sts',
    region: options.region ?? 'us-east-1',
    sha256: Sha256,
    credentials: options.credentials,
  });

/** A POST signed with SigV4 exactly as the SDK signs it, but with any scope and date. */
export async function signedPost(
  url: string,
  params: Record<string, string>,
  options: SignOptions,
) {
  const { hostname, port } = new URL(url);
  const body = new URLSearchParams(params).toString();
  const signed = await signerFor(options).sign(
    {
      method: 'POST',
      protocol: 'http:',
      hostname,
      port: Number(port),
      path: '/',
      query: {},
      headers: { host: `${hostname}:${port}`, 'content-type': 'application/x-www-form-urlencoded' },
      body,
    },
    { signingDate: options.signingDate },
  );
  const headers = Object.fromEntries(
    Object.entries(signed.headers).filter(([name]) => name !== 'host'),
  );
  return toRaw(await fetch(url, { method: 'POST', headers, body }));
}

/** A presigned GET URL, as tools like aws-iam-authenticator build for GetCallerIdentity. */
export async function presignedGet(
  url: string,
  params: Record<string, string>,
  options: SignOptions,
) {
  const { hostname, port } = new URL(url);
  const presigned = await signerFor(options).presign(
    {
      method: 'GET',
      protocol: 'http:',
      hostname,
      port: Number(port),
      path: '/',
      query: params,
      headers: { host: `${hostname}:${port}` },
    },
    { expiresIn: 60, signingDate: options.signingDate },
  );
  const query = new URLSearchParams(presigned.query as Record<string, string>);
  return toRaw(await fetch(`${url}/?${query.toString()}`));
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
};

/** The text of one element of an XML answer, entities decoded. */
export function xmlText(body: string, element: string): string | undefined {
  const raw = new RegExp(`<${element}>([^<]*)</${element}>`).exec(body)?.[1];
  return raw?.replace(/&(amp|lt|gt|quot|apos);/g, (entity) => ENTITIES[entity] ?? entity);
}
