import type { IncomingMessage, ServerResponse } from 'node:http';

/** Small HTTP helpers shared by the STS endpoint and the admin endpoints. */

export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
}

/** The client hung up before its body arrived: there is no call to answer or log. */
export class ClientGoneError extends Error {
  override name = 'ClientGoneError';
}

/** A query-protocol body holds at most a 20,000-character token plus small parameters. */
const MAX_BODY_BYTES = 256 * 1024;

export function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      request.off('data', onData);
      request.resume();
      reject(new BodyTooLargeError());
    };
    request.on('data', onData);
    request.once('end', () => resolve(Buffer.concat(chunks)));
    request.once('error', (error) => reject(request.complete ? error : new ClientGoneError()));
  });
}

/** Header name (lower-cased) → every value, in order, as SigV4 needs them. */
export function headerMap(rawHeaders: readonly string[]): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = (rawHeaders[i] ?? '').toLowerCase();
    headers.set(name, [...(headers.get(name) ?? []), rawHeaders[i + 1] ?? '']);
  }
  return headers;
}

/**
 * CORS as STS answers it to browsers: any origin, the headers the browser SDK sends, and `Date` and
 * `x-amzn-RequestId` readable, since the SDK corrects clock skew from `Date`.
 */
const ALLOWED_HEADERS =
  'content-type, authorization, x-amz-date, x-amz-security-token, x-amz-user-agent, x-amz-content-sha256, amz-sdk-invocation-id, amz-sdk-request';

export function setCorsHeaders(request: IncomingMessage, response: ServerResponse): void {
  response.setHeader('Access-Control-Allow-Origin', request.headers.origin ?? '*');
  response.setHeader('Vary', 'Origin');
  response.setHeader('Access-Control-Expose-Headers', 'Date, x-amzn-RequestId');
}

export function answerPreflight(request: IncomingMessage, response: ServerResponse): void {
  const requested = request.headers['access-control-request-headers'];
  response.writeHead(204, {
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Allow-Headers': requested ?? ALLOWED_HEADERS,
    'Access-Control-Max-Age': '86400',
    'Content-Length': '0',
  });
  response.end();
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = `${JSON.stringify(body, null, 2)}\n`;
  response.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  response.end(text);
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export const isLoopback = (request: IncomingMessage) =>
  LOOPBACK.has(request.socket.remoteAddress ?? '');
