import { base64UrlBytes } from '../../utils/base64url';

// oidc-client-ts decodes every ID token with jwt-decode 4, whose base64 decoding runs a regular
// expression callback per character: ~100 ms for the token of a person with 5,000 roles. Vite
// resolves `jwt-decode` to this module (vite.config.ts), which keeps jwt-decode 4's API, errors
// and results (UTF-8, falling back to Latin-1 like it) with a linear decoder.

export class InvalidTokenError extends Error {}
InvalidTokenError.prototype.name = 'InvalidTokenError';

export interface JwtDecodeOptions {
  header?: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodePart(part: string): string {
  // jwt-decode accepts a length of 0, 2 or 3 modulo 4, with or without padding.
  if (part.replace(/=+$/, '').length % 4 === 1) {
    throw new Error('base64 string is not of the correct length');
  }
  const bytes = base64UrlBytes(part.replace(/=+$/, ''));
  if (!bytes) throw new Error('The string to be decoded is not correctly encoded.');
  try {
    return utf8.decode(bytes);
  } catch {
    let latin1 = '';
    for (const byte of bytes) latin1 += String.fromCharCode(byte);
    return latin1;
  }
}

export function jwtDecode<T = unknown>(token: string, options?: JwtDecodeOptions): T {
  if (typeof token !== 'string') {
    throw new InvalidTokenError('Invalid token specified: must be a string');
  }
  const position = options?.header === true ? 0 : 1;
  const part = token.split('.')[position];
  if (typeof part !== 'string') {
    throw new InvalidTokenError(`Invalid token specified: missing part #${position + 1}`);
  }
  let decoded: string;
  try {
    decoded = decodePart(part);
  } catch (error) {
    throw new InvalidTokenError(
      `Invalid token specified: invalid base64 for part #${position + 1} (${(error as Error).message})`,
    );
  }
  try {
    return JSON.parse(decoded) as T;
  } catch (error) {
    throw new InvalidTokenError(
      `Invalid token specified: invalid json for part #${position + 1} (${(error as Error).message})`,
    );
  }
}
