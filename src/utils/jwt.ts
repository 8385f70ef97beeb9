import { base64UrlBytes } from './base64url';

export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

const SEGMENT = /^[A-Za-z0-9_-]+$/;

/**
 * Reads a JWT's header and payload without verifying the signature: for display only, since AWS
 * does the verifying. Anything that is not three base64url segments whose first two are UTF-8
 * JSON objects gives undefined.
 */
export function decodeJwt(jwt: string): DecodedJwt | undefined {
  const segments = jwt.trim().split('.');
  if (segments.length !== 3) return undefined;
  const [header, payload, signature] = segments as [string, string, string];
  // An unsigned token ("alg": "none") has an empty signature; the other two cannot be empty.
  if (!SEGMENT.test(header) || !SEGMENT.test(payload) || !/^[A-Za-z0-9_-]*$/.test(signature)) {
    return undefined;
  }
  const decodedHeader = decodeSegment(header);
  const decodedPayload = decodeSegment(payload);
  if (!decodedHeader || !decodedPayload) return undefined;
  return { header: decodedHeader, payload: decodedPayload };
}

function decodeSegment(segment: string): Record<string, unknown> | undefined {
  const bytes = base64UrlBytes(segment);
  if (!bytes) return undefined;
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    return value as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
