/** Reads a JWT's header and payload without verifying it (display only: STS does the verifying). */
export function decodeJwt(
  jwt: string,
): { header: Record<string, unknown>; payload: Record<string, unknown> } | undefined {
  const [header, payload] = jwt.split('.');
  if (!header || !payload) return undefined;
  try {
    return { header: decodeSegment(header), payload: decodeSegment(payload) };
  } catch {
    return undefined;
  }
}

function decodeSegment(segment: string): Record<string, unknown> {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('JWT segment is not a JSON object');
  }
  return value as Record<string, unknown>;
}
