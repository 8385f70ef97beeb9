import { describeDuration } from '../../utils/format-duration';
import { formatUtc } from '../../utils/format-utc';
import { discoveryUrl } from '../../utils/oidc-provider';
import { isLocal, roughly, type Facts, type Words } from './sts-error-facts';

// The entries of the STS error catalogue (sts-errors.ts) whose likely cause depends on AWS's
// message or on the token: each picks the one that fits.

// Role chaining: the ID token plays no part, the hub role's session does.
export function chainedDenial(f: Facts): Words {
  const hub = f.input.role?.chainFrom ?? 'the role it is reached from';
  const external = f.input.role?.externalId
    ? " Rolecall sent the external id configured for this role, so the trust policy's sts:ExternalId condition must equal it."
    : '';
  return {
    title: `The role you chain from is not allowed to assume${f.role || ' this role'}`,
    hint: "The target role's trust policy must name the role you chain from (or its account) as a principal, any ExternalId it requires must match the one in config.json, and the hub role needs permission for sts:AssumeRole. Ask your AWS administrator to check both roles.",
    meaning: `AWS did not let the session of ${hub} assume ${f.roleName}.`,
    likelyCause: `The trust policy of ${f.roleName} must trust ${hub} for sts:AssumeRole, and ${hub} needs permission for sts:AssumeRole on ${f.roleArn ?? f.roleName}.${external}${f.said}`,
    fix: `Compare the trust policy of ${f.roleName} with the one above, and check the permissions of ${hub}.`,
  };
}

export function webIdentityDenial(f: Facts): Words {
  const words = {
    title: `Your sign-in is not allowed to assume${f.role || ' this role'}`,
    hint: "The role's trust policy does not accept your ID token: its conditions on the token's audience (aud) or subject (sub) do not match you, or it does not trust this identity provider. Ask your AWS administrator to check the role's trust policy.",
    meaning: `AWS accepted your ID token as genuine, but the trust policy of ${f.roleName} does not let this token assume it.`,
  };
  if (/sts:TagSession/.test(f.message)) {
    return {
      ...words,
      likelyCause: `Your token carries session tags (the https://aws.amazon.com/tags claim), so AWS also asks the trust policy for sts:TagSession, and it is not allowed.${f.said}`,
      fix: `Add "sts:TagSession" to the Action list of the trust policy statement that trusts ${f.providerArn}, or stop the provider sending the tags claim.`,
    };
  }
  if (/sts:SetSourceIdentity/.test(f.message)) {
    return {
      ...words,
      likelyCause: `Your token sets a source identity (the https://aws.amazon.com/source_identity claim), so AWS also asks the trust policy for sts:SetSourceIdentity, and it is not allowed.${f.said}`,
      fix: `Add "sts:SetSourceIdentity" to the Action list of the trust policy statement that trusts ${f.providerArn}.`,
    };
  }
  return {
    ...words,
    likelyCause: `The token's ${f.audClaim === 'azp' ? 'azp (which AWS uses as aud)' : 'aud'} is ${f.aud} and sub is ${f.sub}: the role's trust policy must allow these (its conditions on ${f.provider}:aud and ${f.provider}:sub), and trust ${f.providerArn}. The browser cannot read the policy, but usually one of these is what differs.${f.said}`,
    fix: `Compare the role's trust policy with "The trust policy that would admit this token" above, or ask your AWS administrator to allow aud ${f.aud} and sub ${f.sub} for ${f.roleName}.`,
  };
}

export function invalidTokenCause(f: Facts): Pick<Words, 'likelyCause' | 'fix'> {
  if (/no openid ?connect provider/i.test(f.message)) {
    return {
      likelyCause: `Account ${f.account} has no IAM OIDC provider for the issuer ${f.issuer} (it would be named ${f.provider}).${f.said}`,
      fix: `In account ${f.account}, create an IAM OIDC provider for ${f.issuer} with ${f.aud} as a client id (audience).`,
    };
  }
  if (/audience/i.test(f.message)) {
    return {
      likelyCause: `The IAM OIDC provider ${f.providerArn} does not list the token's audience ${f.aud} among its client ids.${f.said}`,
      fix: `Add ${f.aud} as a client id (audience) of the IAM OIDC provider ${f.provider} in account ${f.account}.`,
    };
  }
  if (/not a valid JWT|access token/i.test(f.message)) {
    return {
      likelyCause: `What reached AWS is not an ID token (perhaps an access token).${f.said}`,
      fix: 'Send the ID token (the id_token from the token response) as WebIdentityToken.',
    };
  }
  if (/signature|verification key/i.test(f.message)) {
    return {
      likelyCause: `AWS could not check the token's signature with the keys ${f.issuer} publishes (${discoveryUrl(f.issuer)} points to them as jwks_uri).${f.said}`,
      fix: "Make sure the provider's JWKS holds the key the token names (the header's kid). After a key rotation, try again in a few minutes.",
    };
  }
  return {
    likelyCause: `Usually either account ${f.account} has no IAM OIDC provider for ${f.issuer}, or that provider's client ids do not include ${f.aud}.${f.said}`,
    fix: `Check the IAM OIDC provider ${f.providerArn}: its URL must match the issuer and its client ids must include ${f.aud}.`,
  };
}

export function expiredTokenCause(f: Facts): string {
  if (f.exp === undefined) return `Your ID token had expired.${f.said}`;
  const late = Math.floor((sentAtOf(f) - f.exp * 1000) / 1000);
  const when = `${formatUtc(f.exp * 1000)} (exp claim ${f.exp})`;
  // Within the allowance AWS gives past exp, a clock is the suspect. (A token still valid by this
  // computer's clock is clockDisagreement's.)
  if (late * 1000 >= AWS_EXP_ALLOWANCE_MS) {
    return `The token expired at ${when}, ${roughly(late)} before the call, beyond the roughly 5 minutes AWS allows past exp.${f.said}`;
  }
  return `The token expired at ${when}, only ${roughly(late)} before the call, within the roughly 5 minutes AWS usually allows: a clock is probably off, this computer's or the provider's.${f.said}`;
}

// Below this the Date header's offset is noise and latency, not a clock set wrong.
const MEASURABLE_SKEW_MS = 60_000;
// AWS accepts a token up to about 5 minutes past exp (STS-FACTS).
const AWS_EXP_ALLOWANCE_MS = 300_000;

/** When the call was made: what an expiry is judged against. */
const sentAtOf = (f: Facts) => f.input.sentAt ?? f.input.now ?? Date.now();

const timeLeft = (ms: number) =>
  ms < 1000 ? 'less than a second more' : `another ${roughly(Math.round(ms / 1000))}`;

/**
 * AWS judged the ID token expired while this computer's clock says it is still valid (or AWS's
 * clock is far ahead of ours): a clock is wrong, and which one decides the next step. Undefined
 * when the token really has expired.
 */
export function clockDisagreement(f: Facts): Words | undefined {
  const ahead = f.input.serverClockAheadMs ?? 0;
  const validHereMs = f.exp === undefined ? undefined : f.exp * 1000 - sentAtOf(f);
  // Only an STS clock ahead of ours can make a token that is still valid here look expired.
  if (validHereMs === undefined ? ahead < AWS_EXP_ALLOWANCE_MS : validHereMs <= 0) return undefined;

  const local = f.input.endpoint !== undefined && isLocal(f.input.endpoint);
  const measured = ahead >= MEASURABLE_SKEW_MS;
  const skew = roughly(Math.round(ahead / 1000));
  const title = measured
    ? `AWS STS's clock is ${skew} ahead of this computer's`
    : 'AWS STS and this computer disagree about the time';
  const expired =
    validHereMs === undefined
      ? 'To AWS your ID token had already expired.'
      : `By this computer's clock your ID token was valid for ${timeLeft(validHereMs)}, but to AWS it had already expired.`;
  // A local STS shares its machine's clock with the demo provider: only its own clock can be off.
  // AWS's clock is right: this computer's is behind, and perhaps the provider's too.
  const fix = local
    ? "Set the local STS's clock right (for the demo STS, clear its clock fault), then assume the role again: signing in again would not help, as a new token would look just as expired to it."
    : measured
      ? `AWS's clock is right, so this computer's clock is about ${skew} behind: let it set its time automatically, then sign in again. If that fails the same way, the identity provider's clock is behind too: ask its administrator to correct it.`
      : "Check that this computer sets its time automatically, then sign in again. If that fails the same way, ask the identity provider's administrator to check the provider's clock.";
  return {
    title,
    hint: `${expired} ${fix}`,
    meaning:
      validHereMs === undefined
        ? "AWS refused the ID token as expired by its own clock, which is far ahead of this computer's."
        : "AWS refused the ID token as expired by its own clock, although it had not expired by this computer's.",
    likelyCause: `${measured ? title : "A clock is wrong: this computer's, the identity provider's or the STS's"}. The token's expiry is set by the identity provider's clock and judged by AWS's.${f.said}`,
    fix,
  };
}

export function unreachableProviderCause(f: Facts): string {
  if (!isLocal(f.issuer)) {
    return `AWS fetches ${discoveryUrl(f.issuer)} and then its jwks_uri over the internet; the provider was down, slow or blocked AWS.`;
  }
  return f.input.endpoint && isLocal(f.input.endpoint)
    ? `The local STS could not fetch the signing keys from ${f.issuer}: is the demo identity provider still running?`
    : `The issuer ${f.issuer} is on this computer or a private network, where AWS can never reach it; only the demo STS can.`;
}

/** Which request parameter AWS's validation message names: `… at 'sourceIdentity' failed …`. */
export function invalidParameter(message: string): string | undefined {
  return /\bat '([A-Za-z]+)' failed to satisfy/.exec(message)?.[1];
}

export function invalidParameterCause(f: Facts): Pick<Words, 'likelyCause' | 'fix'> {
  const parameter = invalidParameter(f.message);
  if (parameter === 'sourceIdentity') {
    return {
      likelyCause: `The source identity your provider puts in the https://aws.amazon.com/source_identity claim breaks AWS's rule: 2 to 64 characters, only letters, digits and + = , . @ _ -.${f.said}`,
      fix: 'Ask your identity provider administrator to send a source identity that fits that rule; nothing in Rolecall or its config.json changes it.',
    };
  }
  if (parameter === 'webIdentityToken') {
    return {
      likelyCause: `Your ID token is outside the size AWS accepts (at most 20,000 characters): it usually grows with the groups, roles or tags your provider puts into it.${f.said}`,
      fix: 'Ask your identity provider administrator to put fewer claims (groups, roles, tags) into the ID token for this app.',
    };
  }
  if (parameter === undefined ? /duration/i.test(f.message) : parameter === 'durationSeconds') {
    const max = f.input.role?.maxDurationSeconds;
    const limit = f.chained
      ? " A chained role (assumed with another role's credentials) is capped at 1 hour."
      : max
        ? ` This role allows at most ${describeDuration(max)}.`
        : '';
    return {
      likelyCause: `The session length asked for is longer than ${f.roleName} allows (its maximum session duration).${limit}${f.said}`,
      fix: "Choose a shorter session, or raise the role's maximum session duration (1 to 12 hours).",
    };
  }
  if (
    parameter === undefined ? /session ?name/i.test(f.message) : parameter === 'roleSessionName'
  ) {
    return {
      likelyCause: `The role session name breaks AWS's rule: 2 to 64 characters, only letters, digits and + = , . @ _ -.${f.said}`,
      fix: "Set config.json's session name claim to a claim whose value fits that rule.",
    };
  }
  return {
    likelyCause: f.said.trim() || 'AWS did not say which parameter.',
    fix: 'Check the request above against the AssumeRole* parameter limits in the STS API reference.',
  };
}
