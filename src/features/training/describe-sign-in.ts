import type { SignInTrace } from '../../lib/auth/sign-in-trace';
import { formatUtc } from '../../utils/format-utc';
import {
  formatTags,
  numberClaim,
  sessionTags,
  SOURCE_IDENTITY_CLAIM,
  stringClaim,
  TAGS_CLAIM,
  type Claims,
} from '../../utils/claims';
import { discoveryUrl, providerName } from '../../utils/oidc-provider';
import { redactionMarker } from '../../utils/redact';
import { visibleText } from '../../utils/untrusted-text';
import type { Fact } from './training-step';

const AUTHORIZATION_PARAMS: Record<string, (context: { verifierLength?: number }) => string> = {
  response_type: () =>
    'The authorization code flow: the provider sends back a short-lived one-time code, never the tokens themselves, so no token ever appears in a URL.',
  client_id: () =>
    "Which app is asking: Rolecall's client id at the provider. It becomes the ID token's aud, which AWS matches against the IAM OIDC provider's client ids.",
  redirect_uri: () =>
    'Where the provider sends the browser back. It must be registered at the provider exactly, so a code is never delivered to another site.',
  scope: () =>
    '"openid" asks for an ID token; "profile" and "email" add claims to it; "offline_access" asks for a refresh token.',
  state: () =>
    'A random value this tab remembers. The redirect back must bring it back unchanged, so a redirect this tab did not ask for (cross-site request forgery) is refused.',
  nonce: () =>
    'A random value the provider copies into the ID token. The app checks it there, so a token captured earlier cannot be replayed.',
  code_challenge: ({ verifierLength }) =>
    `PKCE: BASE64URL(SHA-256(code_verifier)). The code verifier${verifierLength ? ` (${verifierLength} random characters)` : ''} never leaves this tab until the token request, so someone who steals the code cannot redeem it.`,
  code_challenge_method: () =>
    'S256: the challenge is the SHA-256 hash of the verifier, which reveals nothing about the verifier itself.',
  response_mode: () =>
    'How the code comes back: "query" in the query string, "fragment" after the #.',
  prompt: () => 'Whether the provider should ask you to sign in or consent again.',
  login_hint: () => 'Pre-fills who is signing in.',
  max_age: () => 'How long ago you may have signed in at the provider, in seconds.',
  ui_locales: () => 'The languages preferred for the sign-in pages.',
  acr_values: () => 'The strength of authentication asked for.',
};

export function authorizationFacts(
  request: NonNullable<SignInTrace['authorizationRequest']>,
): Fact[] {
  return Object.entries(request.params).map(([term, value]) => ({
    term,
    value,
    explanation:
      AUTHORIZATION_PARAMS[term]?.({ verifierLength: request.codeVerifierLength }) ??
      'Sent as Rolecall is configured.',
  }));
}

export function callbackFacts(
  callback: NonNullable<SignInTrace['callback']>,
  sentState: string | undefined,
): Fact[] {
  return Object.entries(callback.params).map(([term, value]): Fact => {
    switch (term) {
      case 'code':
        // The code is never shown, whatever the capture kept.
        return {
          term,
          value: redactionMarker(),
          explanation:
            'The one-time authorization code. It lives for seconds to minutes and is worth nothing without the code verifier, which only this tab knows.',
        };
      case 'state':
        return {
          term,
          value,
          explanation:
            sentState === undefined
              ? 'The state sent in step 1 comes back here.'
              : value === sentState
                ? "Matches the state sent in step 1: this redirect answers Rolecall's own request."
                : 'Does NOT match the state sent in step 1: a redirect like this must be refused.',
        };
      case 'iss':
        return {
          term,
          value,
          explanation:
            'Which provider answered (RFC 9207), so a code from one provider is never sent to another.',
        };
      case 'session_state':
        return { term, value, explanation: "For the provider's session management." };
      case 'error':
      case 'error_description':
        return { term, value, explanation: 'The provider refused the request and says why.' };
      default:
        return { term, value, explanation: 'Sent back by the provider.' };
    }
  });
}

const TOKENS: Record<string, string> = {
  id_token:
    'Who you are, signed by the provider: for Rolecall, and the token AWS STS trades for role credentials (WebIdentityToken).',
  access_token: "For the provider's own APIs (such as userinfo). AWS never sees it.",
  refresh_token:
    'Lets Rolecall get new tokens without sending you back to the provider. Kept in memory only.',
};

export function tokenFacts(response: NonNullable<SignInTrace['tokenResponse']>): Fact[] {
  return response.tokens.map(({ name, length }) => ({
    term: name,
    value: redactionMarker(length),
    explanation: TOKENS[name] ?? 'Returned by the provider.',
  }));
}

/** A token's value inside Rolecall's own sentence: quoted, hidden characters shown, cut. */
const quoted = (value: string) => `“${visibleText(value, 100)}”`;

/** What each claim of the ID token is for, AWS's use of it above all. */
export function claimFacts(payload: Claims, header: Claims, issuer: string): Fact[] {
  const provider = providerName(stringClaim(payload, 'iss') ?? issuer);
  const time = (name: string) => {
    const seconds = numberClaim(payload, name);
    return seconds === undefined ? '' : `${formatUtc(seconds * 1000)}.`;
  };
  const facts: Fact[] = [];
  const add = (term: string, explanation: string) => {
    if (term in payload) facts.push({ term, explanation });
  };
  const alg = stringClaim(header, 'alg');
  if (alg) {
    const kid = stringClaim(header, 'kid');
    facts.push({
      term: 'header: alg, kid',
      explanation: `Signed with ${alg}${kid ? ` using the provider's key ${quoted(kid)}` : ''}. AWS checks the signature with the keys the issuer publishes (JWKS) and accepts RS256/384/512 and ES256/384/512.`,
    });
  }
  add(
    'iss',
    `The issuer. AWS looks for an IAM OIDC provider named ${provider} in the role's account and fetches the signing keys through ${discoveryUrl(stringClaim(payload, 'iss') ?? issuer)}.`,
  );
  add(
    'aud',
    `Who the token is for: Rolecall's client id. AWS requires it (or azp, when present) to be one of the IAM OIDC provider's client ids; trust policies test it as ${provider}:aud.`,
  );
  add(
    'azp',
    `The party the token was issued to. When it is present AWS uses it, not aud, for ${provider}:aud.`,
  );
  add(
    'sub',
    `You, as this provider knows you: stable and unique at this provider. Trust policies test it as ${provider}:sub; STS returns it as SubjectFromWebIdentityToken.`,
  );
  add(
    'exp',
    `Expires ${time('exp')} AWS refuses the token after that, allowing about 5 minutes for clocks that disagree.`,
  );
  add('iat', `Issued ${time('iat')}`);
  add('auth_time', `You authenticated at the provider ${time('auth_time')}`);
  add('nonce', 'The nonce from step 1, checked so a captured token cannot be replayed.');
  add('amr', `How you authenticated. Trust policies can test it as ${provider}:amr.`);
  const tags = sessionTags(payload);
  if (tags) {
    const list = formatTags(tags.tags).map(quoted);
    facts.push({
      term: TAGS_CLAIM,
      explanation: `Session tags for AWS: ${list.join(', ') || 'none'}${tags.transitiveKeys.length ? ` (transitive: ${tags.transitiveKeys.map(quoted).join(', ')})` : ''}. AWS attaches them to the role session when the trust policy also allows sts:TagSession; transitive tags follow into chained roles.`,
    });
  }
  const source = stringClaim(payload, SOURCE_IDENTITY_CLAIM);
  if (source) {
    facts.push({
      term: SOURCE_IDENTITY_CLAIM,
      explanation: `Source identity ${quoted(source)}: AWS stamps it on the session and on every role chained from it, so CloudTrail shows who really acted. The trust policy must allow sts:SetSourceIdentity.`,
    });
  }
  return facts;
}
