import type { ActionInput } from '../action-context.ts';
import { isoSeconds } from '../clock.ts';
import { validationError } from '../errors.ts';
import type { Principal } from '../principal.ts';
import type { Params, Tag } from '../query.ts';
import type { Validator } from '../validation.ts';
import type { Role } from '../world.ts';
import { el, type XmlElement } from '../xml.ts';

/**
 * Issuing temporary credentials, and how long they may last. Role sessions: 1 hour unless asked,
 * at most the role's MaxSessionDuration, and at most 1 hour when chaining
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining).
 * IAM user sessions (GetSessionToken, GetFederationToken): 15 minutes to 36 hours, 12 by default.
 */
const DEFAULT_ROLE_SESSION_SECONDS = 3600;
const CHAINING_LIMIT_SECONDS = 3600;
const USER_SESSION_SECONDS = { min: 900, max: 129600, default: 43200 };

const MAX_SESSION_DURATION_MESSAGE =
  'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.';
const CHAINING_MESSAGE =
  'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.';

/** The lifetime of a role session, or the ValidationError AWS answers for a longer request. */
export function roleSessionSeconds(
  requested: number | undefined,
  role: Role,
  { chained = false }: { chained?: boolean } = {},
): number {
  const seconds = requested ?? DEFAULT_ROLE_SESSION_SECONDS;
  if (chained && seconds > CHAINING_LIMIT_SECONDS) throw validationError(CHAINING_MESSAGE);
  if (seconds > role.maxSessionDuration) throw validationError(MAX_SESSION_DURATION_MESSAGE);
  return seconds;
}

/** DurationSeconds of GetSessionToken and GetFederationToken, with the default when not given. */
export function userSessionSeconds(validator: Validator, params: Params): number {
  const requested = validator.integer('durationSeconds', params.get('DurationSeconds'), {
    min: USER_SESSION_SECONDS.min,
    max: USER_SESSION_SECONDS.max,
  });
  return requested ?? USER_SESSION_SECONDS.default;
}

export interface CredentialGrant {
  principal: Principal;
  durationSeconds: number;
  tags?: readonly Tag[];
  transitiveTagKeys?: readonly string[];
  sourceIdentity?: string;
  mfaAuthenticated?: boolean;
}

/** Issues a session for the grant and answers its `Credentials` element. */
export function issueCredentials({ state, now }: ActionInput, grant: CredentialGrant): XmlElement {
  const session = state.sessions.issue(
    {
      principal: grant.principal,
      expiresAt: now + grant.durationSeconds * 1000,
      tags: grant.tags ?? [],
      transitiveTagKeys: grant.transitiveTagKeys ?? [],
      sourceIdentity: grant.sourceIdentity,
      mfaAuthenticated: grant.mfaAuthenticated ?? false,
    },
    now,
  );
  return el('Credentials', [
    el('AccessKeyId', session.accessKeyId),
    el('SecretAccessKey', session.secretAccessKey),
    el('SessionToken', session.sessionToken),
    el('Expiration', isoSeconds(session.expiresAt)),
  ]);
}
