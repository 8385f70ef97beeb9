/**
 * The bytes of a base64url string (padding optional), or undefined when it is not one. A plain
 * loop: `Uint8Array.from(atob(…), mapFn)` calls a function per byte, and an ID token that lists
 * thousands of roles has hundreds of thousands of them.
 */
export function base64UrlBytes(text: string): Uint8Array | undefined {
  // Four base64 characters carry three bytes, so a length of 1 modulo 4 cannot be valid.
  if (text.length % 4 === 1) return undefined;
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  let binary: string;
  try {
    binary = atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '='));
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
