import { PLAIN_HOST, type AppConfig } from '../src/config/schema.ts';
import { stsEndpointOf } from '../src/utils/aws-partition.ts';
import type { AllowedOrigin } from './content-security-policy.ts';
import type { DiscoveryResult } from './discovery.ts';

export interface OriginsFound {
  origins: AllowedOrigin[];
  /** What was looked at and left out, or could not be checked: printed with the origins. */
  notes: string[];
}

// new URL, not URL.parse: the container runs this on Debian's Node 18, which lacks URL.parse.
const originOf = (url: string | undefined) => {
  try {
    const parsed = new URL(url ?? '');
    const origin = /^https?:$/.test(parsed.protocol) && PLAIN_HOST.test(parsed.hostname);
    return origin ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
};

/**
 * The origins this configuration needs, each with the reason: the provider's (from its discovery
 * document when it could be read, since the token and revocation endpoints may live on other
 * hosts than the issuer), STS's, and any given by hand.
 */
export function allowedOrigins(
  config: {
    oidc: Pick<AppConfig['oidc'], 'authority'>;
    sts: Pick<AppConfig['sts'], 'region' | 'partition' | 'endpoint'>;
    consoleBroker?: AppConfig['consoleBroker'];
  },
  discovery: DiscoveryResult | undefined,
  extra: readonly string[] = [],
): OriginsFound {
  const origins: AllowedOrigin[] = [];
  const notes: string[] = [];
  const add = (directive: AllowedOrigin['directive'], url: string | undefined, reason: string) => {
    const origin = originOf(url);
    if (origin) origins.push({ directive, origin, reason });
  };

  add('connect-src', config.oidc.authority, 'oidc.authority: the discovery document');
  if (discovery?.ok) {
    const doc = discovery.document;
    add(
      'connect-src',
      doc.token_endpoint,
      'token_endpoint: the sign-in code exchange and renewals',
    );
    add(
      'connect-src',
      doc.revocation_endpoint,
      'revocation_endpoint: the refresh token is revoked at sign-out',
    );
    add(
      'frame-src',
      doc.authorization_endpoint,
      'authorization_endpoint: silent renewal in a hidden frame',
    );
    if (!doc.token_endpoint)
      notes.push('The discovery document names no token_endpoint: sign-in will fail.');
    if (doc.issuer !== undefined && doc.issuer !== config.oidc.authority) {
      notes.push(
        `The discovery document's issuer is "${doc.issuer}", not oidc.authority "${config.oidc.authority}": they must be equal, character for character (AWS compares the token's iss with the IAM OIDC provider the same way).`,
      );
    }
    if (doc.userinfo_endpoint)
      notes.push(
        `userinfo_endpoint ${originOf(doc.userinfo_endpoint)}: not allowed, Rolecall does not call it.`,
      );
    if (doc.end_session_endpoint) {
      notes.push(
        `end_session_endpoint ${originOf(doc.end_session_endpoint)}: not needed, sign-out is a page navigation, which the policy does not restrict.`,
      );
    }
  } else {
    add('frame-src', config.oidc.authority, 'oidc.authority: silent renewal in a hidden frame');
    notes.push(
      discovery
        ? `Could not read ${discovery.url} (${discovery.reason}): only the issuer's origin is allowed. If the provider's token or authorization endpoint is on another host, run configure again where the provider is reachable, or add the origin with --allow-origin.`
        : "The discovery document was not read (--offline): only the issuer's origin is allowed. Add other provider hosts with --allow-origin.",
    );
  }

  const sts = stsEndpointOf(config.sts);
  add(
    'connect-src',
    sts,
    config.sts.endpoint
      ? 'sts.endpoint: AWS STS calls'
      : `sts.region ${config.sts.region} in partition ${config.sts.partition}: the regional AWS STS endpoint`,
  );

  add(
    'connect-src',
    config.consoleBroker?.url,
    "consoleBroker.url: a session's credentials are posted there to open the AWS console",
  );

  for (const value of extra) {
    const origin = originOf(value);
    if (!origin) {
      notes.push(`--allow-origin ${value}: not an http(s) URL with a plain host name, left out.`);
      continue;
    }
    add('connect-src', origin, '--allow-origin');
    add('frame-src', origin, '--allow-origin');
  }
  return { origins: dedupe(origins), notes };
}

// The first reason for an origin is kept; later ones with the same origin add nothing to the policy.
function dedupe(origins: AllowedOrigin[]): AllowedOrigin[] {
  const seen = new Map<string, AllowedOrigin>();
  for (const origin of origins) {
    const key = `${origin.directive} ${origin.origin}`;
    const known = seen.get(key);
    if (known) known.reason += `; ${origin.reason}`;
    else seen.set(key, { ...origin });
  }
  return [...seen.values()];
}
