import { fileURLToPath } from 'node:url';

/**
 * Modules the app's dependencies import that the app replaces, for the build and its unit tests
 * alike: oidc-client-ts's JWT decoder, by a linear one with the same API (src/lib/auth/jwt-decode.ts).
 */
export const appAliases = {
  'jwt-decode': fileURLToPath(new URL('../src/lib/auth/jwt-decode.ts', import.meta.url)),
};
