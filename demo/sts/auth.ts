import {
  expiredSecurityToken,
  incompleteSignature,
  invalidClientTokenId,
  missingAuthenticationToken,
  signatureDoesNotMatch,
} from './errors.ts';
import type { Principal } from './principal.ts';
import type { Session, SessionStore } from './sessions.ts';
import {
  formatAmzDate,
  parseAmzDate,
  parseSignature,
  signatureMatches,
  type HttpRequestParts,
  type SignatureParameters,
} from './sigv4.ts';
import { findUserByAccessKey, type World } from './world.ts';

/**
 * Authenticates a signed STS call: who signed it, checked the way AWS checks it. The messages are
 * AWS's own (SignatureDoesNotMatch, InvalidClientTokenId, ExpiredToken, and the "Signature
 * expired" form of SignatureDoesNotMatch STS uses for a skewed clock).
 */
export interface Caller {
  principal: Principal;
  /** The temporary credentials used, if any; undefined for an IAM user's long-term keys. */
  session?: Session;
}

/** AWS accepts requests signed up to 15 minutes before or after its own clock. */
const MAX_SKEW_MS = 15 * 60 * 1000;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

function checkScope({ scope, signedHeaders, amzDate }: SignatureParameters, service: string) {
  if (scope.terminator !== 'aws4_request') {
    throw signatureDoesNotMatch(
      `Credential should be scoped with a valid terminator: 'aws4_request', not '${scope.terminator}'. `,
    );
  }
  if (scope.service !== service) {
    throw signatureDoesNotMatch(`Credential should be scoped to correct service: '${service}'. `);
  }
  if (!REGION.test(scope.region)) {
    throw signatureDoesNotMatch('Credential should be scoped to a valid region. ');
  }
  if (!signedHeaders.includes('host')) {
    throw incompleteSignature(
      "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    );
  }
  if (Number.isNaN(parseAmzDate(amzDate))) {
    throw incompleteSignature(`Date must be in ISO-8601 'basic format'. Got '${amzDate}'.`);
  }
  const day = amzDate.slice(0, 8);
  if (scope.date !== day) {
    throw signatureDoesNotMatch(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scope.date}' != '${day}', from '${amzDate}'.`,
    );
  }
}

function checkTime(params: SignatureParameters, now: number): void {
  const signedAt = parseAmzDate(params.amzDate);
  const validFor = params.presigned ? (params.expiresSeconds ?? 0) * 1000 : MAX_SKEW_MS;
  const earliest = now - validFor;
  const latest = now + MAX_SKEW_MS;
  if (signedAt < earliest) {
    const window = params.presigned ? `${params.expiresSeconds ?? 0} sec.` : '15 min.';
    throw signatureDoesNotMatch(
      `Signature expired: ${params.amzDate} is now earlier than ${formatAmzDate(earliest)} (${formatAmzDate(now)} - ${window})`,
    );
  }
  if (signedAt > latest) {
    throw signatureDoesNotMatch(
      `Signature not yet current: ${params.amzDate} is still later than ${formatAmzDate(latest)} (${formatAmzDate(now)} + 15 min.)`,
    );
  }
}

interface Credentials {
  caller: Caller;
  secretAccessKey: string;
}

function findCredentials(
  { accessKeyId, sessionToken }: SignatureParameters,
  world: World,
  sessions: SessionStore,
  now: number,
): Credentials {
  const session = sessions.find(accessKeyId);
  if (session) {
    if (sessionToken !== session.sessionToken) throw invalidClientTokenId();
    if (now >= session.expiresAt) throw expiredSecurityToken();
    return {
      caller: { principal: session.principal, session },
      secretAccessKey: session.secretAccessKey,
    };
  }
  const found = findUserByAccessKey(world, accessKeyId);
  // Long-term keys never come with a session token.
  if (!found || sessionToken !== undefined) throw invalidClientTokenId();
  return {
    caller: { principal: { kind: 'user', account: found.account, user: found.user } },
    secretAccessKey: found.user.secretAccessKey,
  };
}

/** `service` is the one the request must be signed for: `sts`, or `ec2` for the EC2 stand-in. */
export function authenticate(
  request: HttpRequestParts,
  world: World,
  sessions: SessionStore,
  now: number,
  service = 'sts',
): Caller {
  const params = parseSignature(request);
  if (!params) throw missingAuthenticationToken();
  checkScope(params, service);
  checkTime(params, now);
  const { caller, secretAccessKey } = findCredentials(params, world, sessions, now);
  if (!signatureMatches(request, params, secretAccessKey)) throw signatureDoesNotMatch();
  return caller;
}
