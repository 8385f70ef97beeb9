import type { IdTokenSource } from '../../lib/auth/id-token-source';
import type { StsGateway } from '../../lib/aws/sts-gateway';
import type { CallerIdentity, RoleCredentials, StsCall } from '../../lib/aws/types';
import type { RoleOption } from '../../types/role';
import type { RoleSession } from '../../types/session';
import { parseAssumedRoleArn } from '../../utils/arn';
import { localExpiry } from './refresh-schedule';
import { chainedTokenFacts, tokenFacts, type TokenFacts } from '../../utils/claims';
import { ExplainedError } from '../../utils/explained-error';

/** Everything that decides which credentials a session gets: the whole of its query key. */
export interface SessionRequest {
  /** The signed-in person (`sub`): sessions are never shared between people. */
  subject: string;
  role: RoleOption;
  roleSessionName: string;
  /** Already within the role's limits (see session-length.ts). */
  durationSeconds: number;
}

/**
 * What opening a session calls on. These are services, not inputs: they decide how a request is
 * made, never which credentials come back, so they stay out of the query key.
 */
export interface SessionServices {
  sts: StsGateway;
  getIdToken: IdTokenSource;
  /** For a chained role: a session of the role it chains from, with minutes left to use. */
  hubSession: (hubRoleArn: string) => Promise<RoleSession>;
}

/** One step of opening a session, in the order they run. */
export type OpeningStepName =
  'hub' | 'AssumeRoleWithWebIdentity' | 'AssumeRole' | 'GetCallerIdentity';

/** Where an opening session is: which of its steps runs, and since when (epoch ms). */
export interface OpeningProgress {
  steps: readonly OpeningStepName[];
  /** Index into `steps` of the one running. */
  current: number;
  startedAt: number;
}

/** How one opening is watched and stopped: neither decides which credentials come back. */
export interface OpeningControls {
  /** Aborted: the call in flight stops and nothing is kept. */
  signal?: AbortSignal;
  onStep?: (progress: OpeningProgress) => void;
}

export function openingSteps(role: RoleOption): readonly OpeningStepName[] {
  return role.chainFrom
    ? ['hub', 'AssumeRole', 'GetCallerIdentity']
    : ['AssumeRoleWithWebIdentity', 'GetCallerIdentity'];
}

/**
 * Assumes the role: with the ID token (AssumeRoleWithWebIdentity), or for a chained role with its
 * hub's credentials (AssumeRole); then asks AWS who the credentials are. Each step is told to
 * `onStep` as it begins; an aborted `signal` stops the step in flight and lets go of whatever
 * credentials were already received.
 */
export async function openSession(
  services: SessionServices,
  request: SessionRequest,
  { signal, onStep }: OpeningControls = {},
): Promise<RoleSession> {
  const { role, roleSessionName, durationSeconds } = request;
  const steps = openingSteps(role);
  const begin = (step: OpeningStepName) => {
    signal?.throwIfAborted();
    onStep?.({ steps, current: steps.indexOf(step), startedAt: Date.now() });
  };
  const callOptions = { signal };
  let assumed: RoleCredentials & { subject?: string; audience?: string; provider?: string };
  let chain: string[] = [];
  let earlierCalls: StsCall[] = [];
  let token: TokenFacts;

  if (role.chainFrom) {
    begin('hub');
    const hub = await services.hubSession(role.chainFrom);
    begin('AssumeRole');
    assumed = await services.sts.assumeRole(
      hub.credentials,
      { roleArn: role.arn, roleSessionName, durationSeconds, externalId: role.externalId },
      callOptions,
    );
    chain = [...hub.chain, hub.assumedRoleArn];
    earlierCalls = hub.calls;
    token = chainedTokenFacts(hub.token);
  } else {
    begin('AssumeRoleWithWebIdentity');
    const idToken = await services.getIdToken();
    assumed = await services.sts.assumeRoleWithWebIdentity(
      { roleArn: role.arn, roleSessionName, webIdentityToken: idToken, durationSeconds },
      callOptions,
    );
    token = tokenFacts(idToken);
  }

  let confirmed: Awaited<ReturnType<typeof confirmIdentity>>;
  try {
    begin('GetCallerIdentity');
    confirmed = await confirmIdentity(services.sts, assumed, role.arn, signal);
  } catch (error) {
    // Cancelled (or failed) with credentials in hand: nobody will use them, so let them go.
    services.sts.forget(assumed.credentials);
    throw error;
  }
  const { identity, call, problem } = confirmed;
  const clockOffsetMs = call?.clockOffsetMs || assumed.call.clockOffsetMs;
  return {
    role,
    roleSessionName,
    credentials: assumed.credentials,
    assumedRoleArn: assumed.assumedRoleArn,
    assumedRoleId: assumed.assumedRoleId,
    sourceIdentity: assumed.sourceIdentity,
    subject: assumed.subject,
    audience: assumed.audience,
    provider: assumed.provider,
    identity,
    durationSeconds,
    receivedAt: Date.now(),
    localExpiresAt: localExpiry(assumed.credentials.expiresAt, clockOffsetMs),
    calls: [...earlierCalls, assumed.call, ...(call ? [call] : [])],
    identityUnconfirmed: problem,
    chain,
    token,
  };
}

/** Asks AWS who the new credentials are; when it cannot say, falls back on what the assume call said. */
async function confirmIdentity(
  sts: StsGateway,
  assumed: RoleCredentials,
  roleArn: string,
  signal: AbortSignal | undefined,
): Promise<{ identity: CallerIdentity; call?: StsCall; problem?: ExplainedError }> {
  try {
    return await sts.getCallerIdentity(assumed.credentials, roleArn, { signal });
  } catch (error) {
    if (!(error instanceof ExplainedError)) throw error;
    const account = parseAssumedRoleArn(assumed.assumedRoleArn)?.accountId ?? '';
    return {
      identity: { account, arn: assumed.assumedRoleArn, userId: assumed.assumedRoleId },
      problem: error,
    };
  }
}
