import { describeDuration } from '../../utils/format-duration';
import type { ExplainInput, Facts, StsErrorExplanation } from './explain-sts-error';
import { formatUtc } from './format-utc';
import { discoveryUrl, numberClaim, tokenTags } from './token-claims';

type Explainer = (input: ExplainInput, facts: Facts) => StsErrorExplanation;

const isChained = (input: ExplainInput) => input.action === 'AssumeRole';

export const EXPLAINERS: Record<string, Explainer> = {
  AccessDenied: (input, f) => {
    if (isChained(input)) return explainChainedDenial(input, f);
    const message = input.awsMessage ?? '';
    const meaning = `AWS accepted your ID token as genuine, but the trust policy of ${f.roleName} does not let this token assume it.`;
    if (/sts:TagSession/.test(message)) {
      return {
        meaning,
        likelyCause: `Your token carries session tags (the https://aws.amazon.com/tags claim), so AWS also asks the trust policy for sts:TagSession, and it is not allowed.${f.said}`,
        fix: `Add "sts:TagSession" to the Action list of the trust policy statement that trusts ${f.providerArn}, or stop the provider sending the tags claim.`,
      };
    }
    if (/sts:SetSourceIdentity/.test(message)) {
      return {
        meaning,
        likelyCause: `Your token sets a source identity (the https://aws.amazon.com/source_identity claim), so AWS also asks the trust policy for sts:SetSourceIdentity, and it is not allowed.${f.said}`,
        fix: `Add "sts:SetSourceIdentity" to the Action list of the trust policy statement that trusts ${f.providerArn}.`,
      };
    }
    return {
      meaning,
      likelyCause: `The token's ${f.audClaim === 'azp' ? 'azp (which AWS uses as aud)' : 'aud'} is ${f.aud} and sub is ${f.sub}: the role's trust policy must allow these (its conditions on ${f.provider}:aud and ${f.provider}:sub), and trust ${f.providerArn}. The browser cannot read the policy, but usually one of these is what differs.${f.said}`,
      fix: `Compare the role's trust policy with "The trust policy that would admit this token" above, or ask your AWS administrator to allow aud ${f.aud} and sub ${f.sub} for ${f.roleName}.`,
    };
  },

  InvalidIdentityToken: (input, f) => {
    const message = input.awsMessage ?? '';
    const meaning = `AWS could not accept your ID token as coming from an identity provider that account ${f.account} trusts.`;
    if (/no openid ?connect provider/i.test(message)) {
      return {
        meaning,
        likelyCause: `Account ${f.account} has no IAM OIDC provider for the issuer ${f.issuer} (it would be named ${f.provider}).${f.said}`,
        fix: `In account ${f.account}, create an IAM OIDC provider for ${f.issuer} with ${f.aud} as a client id (audience).`,
      };
    }
    if (/audience/i.test(message)) {
      return {
        meaning,
        likelyCause: `The IAM OIDC provider ${f.providerArn} does not list the token's audience ${f.aud} among its client ids.${f.said}`,
        fix: `Add ${f.aud} as a client id (audience) of the IAM OIDC provider ${f.provider} in account ${f.account}.`,
      };
    }
    if (/not a valid JWT|access token/i.test(message)) {
      return {
        meaning,
        likelyCause: `What reached AWS is not an ID token (perhaps an access token).${f.said}`,
        fix: 'Send the ID token (the id_token from the token response) as WebIdentityToken.',
      };
    }
    if (/signature|verification key/i.test(message)) {
      return {
        meaning,
        likelyCause: `AWS could not check the token's signature with the keys ${f.issuer} publishes (${discoveryUrl(f.issuer)} points to them as jwks_uri).${f.said}`,
        fix: "Make sure the provider's JWKS holds the key the token names (the header's kid). After a key rotation, try again in a few minutes.",
      };
    }
    return {
      meaning,
      likelyCause: `Usually either account ${f.account} has no IAM OIDC provider for ${f.issuer}, or that provider's client ids do not include ${f.aud}.${f.said}`,
      fix: `Check the IAM OIDC provider ${f.providerArn}: its URL must match the issuer and its client ids must include ${f.aud}.`,
    };
  },

  ExpiredTokenException: (input, f) => {
    const exp = numberClaim(input.claims, 'exp');
    let likelyCause = `Your ID token had expired.${f.said}`;
    if (exp !== undefined) {
      const late = Math.floor((input.now - exp * 1000) / 1000);
      const when = `${formatUtc(exp * 1000)} (exp claim ${exp})`;
      // AWS tolerates about 5 minutes past exp (STS-FACTS): within that, a clock is the suspect.
      likelyCause =
        late >= 300
          ? `The token expired at ${when}, ${roughly(late)} ago, beyond the roughly 5 minutes AWS allows past exp.${f.said}`
          : late >= 0
            ? `The token expired at ${when}, only ${roughly(late)} ago, within the roughly 5 minutes AWS usually allows: a clock is probably off, this computer's or the provider's.${f.said}`
            : `The token's expiry, ${when}, is still ${roughly(-late)} away, so a clock is probably wrong: this computer's or the provider's. AWS judges by its own clock.${f.said}`;
    }
    return {
      meaning: 'AWS refused the ID token because it was past its expiry time when it arrived.',
      likelyCause,
      fix: 'Sign in again to get a fresh ID token, then assume the role again.',
    };
  },

  ExpiredToken: (_input, f) => ({
    meaning: 'The temporary credentials that signed this request have expired.',
    likelyCause: `The role session used to sign the call ran out.${f.said}`,
    fix: 'Assume the role again for fresh credentials.',
  }),

  IDPCommunicationError: (input, f) => {
    const localIssuer = isLocal(f.issuer);
    const likelyCause = !localIssuer
      ? `AWS fetches ${discoveryUrl(f.issuer)} and then its jwks_uri over the internet; the provider was down, slow or blocked AWS.`
      : input.endpoint && isLocal(input.endpoint)
        ? `The local STS could not fetch the signing keys from ${f.issuer}: is the demo identity provider still running?`
        : `The issuer ${f.issuer} is on this computer or a private network, where AWS can never reach it; only the demo STS can.`;
    return {
      meaning:
        'STS could not reach your identity provider to fetch the keys that check your token.',
      likelyCause: `${likelyCause}${f.said}`,
      fix: 'Try again in a moment. If it keeps failing, make sure the discovery document and the JWKS are reachable (for real AWS: publicly, over https).',
    };
  },

  IDPRejectedClaim: (_input, f) => ({
    meaning:
      'AWS refused a claim in your token, or your provider reported the token as expired or revoked.',
    likelyCause: `A claim AWS checks did not hold (iss ${f.issuer}, aud ${f.aud}, sub ${f.sub}).${f.said}`,
    fix: "Sign in again for a fresh token; if it keeps failing, ask the provider's administrator what the token is missing.",
  }),

  ValidationError: explainValidation,

  RegionDisabledException: (input, f) => {
    const region = /sts\.([a-z0-9-]+)\.amazonaws/.exec(input.endpoint ?? '')?.[1];
    const where = region ? `the ${region} region` : 'this region';
    return {
      meaning: `AWS STS is not activated in ${where} for account ${f.account}.`,
      likelyCause: `STS is active by default in the default regions, so an administrator has deactivated it there, or the region is an opt-in region not yet enabled for the account.${f.said}`,
      fix: `Activate STS for ${where} in account ${f.account} (IAM console, Account settings), or set another "sts.region" in config.json.`,
    };
  },

  NetworkError: (input) => ({
    meaning: "Rolecall's request never got an answer from AWS STS.",
    likelyCause: `The browser could not connect to ${input.endpoint ?? 'the STS endpoint'}: it is offline, the demo stack ("npm start") is not running, or the browser blocked the answer (CORS), whose reason it does not tell the page.`,
    fix: 'Check the network connection (or that "npm start" is still running) and try again.',
  }),

  PackedPolicyTooLarge: (input, f) => {
    const tags = tokenTags(input.claims);
    const keys = tags ? Object.keys(tags.tags) : [];
    return {
      meaning: 'Session policies and session tags together are larger than AWS allows.',
      likelyCause:
        keys.length > 0
          ? `Your token asks for ${keys.length} session tag${keys.length === 1 ? '' : 's'} (${keys.join(', ')}) through the https://aws.amazon.com/tags claim, and with any session policy they take too much room.${f.said}`
          : `The session policy or tags sent with the request take too much room.${f.said}`,
      fix: 'Send fewer or shorter session tags from the provider, or a smaller session policy.',
    };
  },

  MalformedPolicyDocument: (_input, f) => ({
    meaning: 'The session policy sent with the request is not a valid IAM policy.',
    likelyCause: `The Policy parameter (see the request above) is not valid policy JSON, or uses an element a session policy cannot.${f.said}`,
    fix: "Correct the session policy, or send none: the role's own permissions then apply unchanged.",
  }),
};

function explainChainedDenial(input: ExplainInput, f: Facts): StsErrorExplanation {
  const hub = input.role?.chainFrom ?? 'the role it is reached from';
  const external = input.role?.externalId
    ? " Rolecall sent the external id configured for this role, so the trust policy's sts:ExternalId condition must equal it."
    : '';
  return {
    meaning: `AWS did not let the session of ${hub} assume ${f.roleName}.`,
    likelyCause: `The trust policy of ${f.roleName} must trust ${hub} for sts:AssumeRole, and ${hub} needs permission for sts:AssumeRole on ${input.role?.arn ?? f.roleName}.${external}${f.said}`,
    fix: `Compare the trust policy of ${f.roleName} with the one above, and check the permissions of ${hub}.`,
  };
}

function explainValidation(input: ExplainInput, f: Facts): StsErrorExplanation {
  const message = input.awsMessage ?? '';
  const meaning =
    'AWS STS refused a parameter of the request as invalid, before looking at who you are.';
  if (/duration/i.test(message)) {
    const max = input.role?.maxDurationSeconds;
    const limit = isChained(input)
      ? " A chained role (assumed with another role's credentials) is capped at 1 hour."
      : max
        ? ` This role allows at most ${describeDuration(max)}.`
        : '';
    return {
      meaning,
      likelyCause: `The session length asked for is longer than ${f.roleName} allows (its maximum session duration).${limit}${f.said}`,
      fix: "Choose a shorter session, or raise the role's maximum session duration (1 to 12 hours).",
    };
  }
  if (/session ?name/i.test(message)) {
    return {
      meaning,
      likelyCause: `The role session name breaks AWS's rule: 2 to 64 characters, only letters, digits and + = , . @ _ -.${f.said}`,
      fix: "Set config.json's session name claim to a claim whose value fits that rule.",
    };
  }
  return {
    meaning,
    likelyCause: f.said.trim() || 'AWS did not say which parameter.',
    fix: 'Check the request above against the AssumeRole* parameter limits in the STS API reference.',
  };
}

export function explainUnknown(input: ExplainInput, f: Facts): StsErrorExplanation {
  return {
    meaning: `AWS STS refused ${input.action ?? 'the request'} with the error code ${input.code}.`,
    likelyCause: f.said.trim() || 'AWS gave no message with it.',
    fix: `Look up ${input.code} in the STS API reference; if it keeps happening, send the request id to your administrator.`,
  };
}

/** Seconds under a minute, else whole minutes: "42 seconds", "7 minutes", "1 hour 5 minutes". */
function roughly(seconds: number): string {
  return describeDuration(seconds < 60 ? seconds : Math.round(seconds / 60) * 60);
}

/** On this computer or a private network: reachable by the demo STS, never by AWS. */
function isLocal(url: string): boolean {
  try {
    const { hostname } = new URL(url);
    if (
      hostname === 'localhost' ||
      hostname.endsWith('.localhost') ||
      hostname.endsWith('.local')
    ) {
      return true;
    }
    if (hostname === '[::1]' || /^\[f[cd]/i.test(hostname)) return true;
    const octets = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(hostname);
    if (!octets) return false;
    const [a, b] = [Number(octets[1]), Number(octets[2])];
    return a === 127 || a === 10 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31);
  } catch {
    return false;
  }
}
