/**
 * What happened during the OpenID Connect sign-in, for the training view: the authorization request
 * (PKCE explained), the callback, and the token response. Tokens and the code verifier are never
 * kept here: only their shape (lengths, decoded non-secret claims) and the public PKCE challenge.
 */
export interface SignInTrace {
  authorizationRequest?: {
    endpoint: string;
    /** The query parameters sent to the provider; `code_challenge` is public by design. */
    params: Record<string, string>;
    /** Length of the secret code verifier that only this tab knew (the value itself is not kept). */
    codeVerifierLength?: number;
  };
  callback?: {
    /** The callback URL with `code` redacted. */
    url: string;
    params: Record<string, string>;
  };
  tokenResponse?: {
    endpoint: string;
    tokenType?: string;
    scope?: string;
    expiresAt?: number;
    /** Which tokens came back, with lengths: "id_token (1024 characters)". */
    tokens: { name: string; length: number }[];
  };
  idToken?: {
    header: Record<string, unknown>;
    payload: Record<string, unknown>;
  };
}
