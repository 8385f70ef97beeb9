import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SignInRequired } from '../../lib/auth/id-token-source';
import { toStsProblem } from '../../lib/aws/sts-problem';
import type { RoleOption } from '../../types/role';
import { fakeSts, idToken, role, untilAborted } from './fake-sts';
import { createSessionRegistry, type SessionRegistry } from './session-registry';

const developer = role('Developer');
const admin = role('Admin');
const auditor = role('Auditor', {
  chainFrom: developer.arn,
  arn: 'arn:aws:iam::222222222222:role/Auditor',
  accountId: '222222222222',
});
const roles = [developer, admin, auditor];
const LEAD_SECONDS = 300;

let client: QueryClient;
let sts: ReturnType<typeof fakeSts>;
let getIdToken: () => Promise<string>;
let registry: SessionRegistry;

function start() {
  registry = createSessionRegistry(
    client,
    { sts, getIdToken },
    {
      subject: 'alice',
      sessionNameSource: 'alice@example.com',
      defaultSeconds: 3600,
      refreshLeadSeconds: LEAD_SECONDS,
      findRole: (arn) => roles.find((candidate) => candidate.arn === arn),
    },
  );
}

const sessionOf = (target: RoleOption) =>
  registry.getSnapshot().find((session) => session.role.arn === target.arn);
const keysHeld = () =>
  client
    .getQueryCache()
    .findAll({ queryKey: ['sessions'] })
    .filter((query) => query.state.data !== undefined).length;

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 11, 2, 9, 0, 0) });
  client = new QueryClient();
  sts = fakeSts();
  getIdToken = async () => idToken();
  start();
});

afterEach(() => {
  registry.dispose();
  client.clear();
  vi.useRealTimers();
});

describe('the session registry', () => {
  it('assumes a role once, then refreshes it before expiry with nothing on screen', async () => {
    registry.open(developer);
    registry.open(developer);
    await vi.waitFor(() => expect(sessionOf(developer)?.current.result.data).toBeDefined());
    expect(sts.assumeRoleWithWebIdentity).toHaveBeenCalledTimes(1);
    const first = sessionOf(developer)!.current.result.data!;

    await vi.advanceTimersByTimeAsync(3600_000 - LEAD_SECONDS * 1000 + 1000);

    expect(sts.assumeRoleWithWebIdentity).toHaveBeenCalledTimes(2);
    const refreshed = sessionOf(developer)!.current.result.data!;
    expect(refreshed.credentials.accessKeyId).not.toBe(first.credentials.accessKeyId);
    expect(refreshed.localExpiresAt).toBeGreaterThan(first.localExpiresAt);
    // The gateway lets go of the replaced credentials (their SDK client and signing keys).
    expect(sts.forget).toHaveBeenCalledExactlyOnceWith(first.credentials);
  });

  it('keeps the credentials in hand until a new length is granted, then forgets the old ones', async () => {
    registry.open(developer);
    await vi.waitFor(() => expect(sessionOf(developer)?.current.result.data).toBeDefined());
    const inHand = sessionOf(developer)!.current.result.data!;
    let grant: () => void = () => undefined;
    sts.assumeRoleWithWebIdentity.mockImplementationOnce(async (input) => {
      await new Promise<void>((resolve) => (grant = resolve));
      return {
        credentials: {
          accessKeyId: 'ASIALONGER',
          secretAccessKey: 's',
          sessionToken: 't',
          expiresAt: Date.now() + input.durationSeconds * 1000,
        },
        assumedRoleArn: 'arn:aws:sts::111111111111:assumed-role/Developer/alice',
        assumedRoleId: 'AROA:alice',
        call: { action: 'AssumeRoleWithWebIdentity', clockOffsetMs: 0 },
      };
    });

    registry.changeLength(developer, 7200);
    await vi.waitFor(() => expect(sessionOf(developer)?.pending?.result.isFetching).toBe(true));
    expect(sessionOf(developer)!.current.result.data).toBe(inHand);

    grant();
    await vi.waitFor(() => expect(sessionOf(developer)?.pending).toBeUndefined());
    const now = sessionOf(developer)!.current;
    expect(now.request.durationSeconds).toBe(7200);
    expect(now.result.data?.credentials.accessKeyId).toBe('ASIALONGER');
    expect(keysHeld()).toBe(1);
    expect(sts.forget).toHaveBeenCalledExactlyOnceWith(inHand.credentials);
  });

  it('keeps the session when a new length is refused, and says why', async () => {
    registry.open(developer);
    await vi.waitFor(() => expect(sessionOf(developer)?.current.result.data).toBeDefined());
    sts.assumeRoleWithWebIdentity.mockRejectedValueOnce(
      toStsProblem(
        Object.assign(
          new Error(
            'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
          ),
          {
            name: 'ValidationError',
            $metadata: { httpStatusCode: 400 },
          },
        ),
        { action: 'AssumeRoleWithWebIdentity', endpoint: 'https://sts.example' },
      ),
    );

    registry.changeLength(developer, 14_400);

    await vi.waitFor(() => expect(sessionOf(developer)?.refusedLength?.seconds).toBe(14_400));
    expect(sessionOf(developer)!.pending).toBeUndefined();
    expect(sessionOf(developer)!.refusedLength!.error.code).toBe('ValidationError');
    expect(sessionOf(developer)!.current.result.data?.durationSeconds).toBe(3600);
    expect(sessionOf(developer)!.current.request.durationSeconds).toBe(3600);
  });

  it('stops refreshing after a refusal no retry can change, instead of asking every 30 s', async () => {
    registry.open(developer);
    await vi.waitFor(() => expect(sessionOf(developer)?.current.result.data).toBeDefined());
    sts.assumeRoleWithWebIdentity.mockRejectedValue(
      toStsProblem(
        Object.assign(new Error('Not authorized to perform sts:AssumeRoleWithWebIdentity'), {
          name: 'AccessDenied',
          $metadata: { httpStatusCode: 403 },
        }),
        { action: 'AssumeRoleWithWebIdentity', endpoint: 'https://sts.example' },
      ),
    );

    await vi.advanceTimersByTimeAsync(3600_000 - LEAD_SECONDS * 1000 + 1000);
    expect(sts.assumeRoleWithWebIdentity).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(4 * 60_000);

    expect(sts.assumeRoleWithWebIdentity).toHaveBeenCalledTimes(2);
    expect(sessionOf(developer)!.current.result.error).toMatchObject({ code: 'AccessDenied' });
    expect(sessionOf(developer)!.current.result.data).toBeDefined();
  });

  it('ends a session: its credentials are dropped and it is never refreshed again', async () => {
    registry.open(developer);
    registry.open(admin);
    await vi.waitFor(() => expect(keysHeld()).toBe(2));
    const ended = sessionOf(developer)!.current.result.data!;

    registry.end(developer.arn);
    expect(sts.forget).toHaveBeenCalledExactlyOnceWith(ended.credentials);
    await vi.advanceTimersByTimeAsync(2 * 3600_000);

    expect(sessionOf(developer)).toBeUndefined();
    expect(keysHeld()).toBe(1);
    const developerCalls = sts.assumeRoleWithWebIdentity.mock.calls.filter(
      ([input]) => input.roleArn === developer.arn,
    );
    expect(developerCalls).toHaveLength(1);
  });

  it('opens the hub of a chained role beside it, so both are shown and refreshed', async () => {
    registry.open(auditor);
    await vi.waitFor(() => expect(sessionOf(auditor)?.current.result.data).toBeDefined());

    expect(sessionOf(developer)?.current.result.data).toBeDefined();
    expect(sts.assumeRole).toHaveBeenCalledWith(
      sessionOf(developer)!.current.result.data!.credentials,
      expect.objectContaining({ roleArn: auditor.arn, durationSeconds: 3600 }),
      expect.objectContaining({ signal: expect.any(AbortSignal) }),
    );
    expect(registry.getSnapshot().map((session) => session.role.label)).toEqual([
      'Developer',
      'Auditor',
    ]);
  });

  it('tries again when a new ID token arrives, for sessions that waited for the person', async () => {
    let signedIn = false;
    getIdToken = async () => {
      if (!signedIn) throw new SignInRequired(Date.now());
      return idToken();
    };
    start();
    registry.open(developer);
    await vi.waitFor(() =>
      expect(sessionOf(developer)?.current.result.error).toBeInstanceOf(SignInRequired),
    );

    signedIn = true;
    registry.retryWaitingForSignIn();

    await vi.waitFor(() => expect(sessionOf(developer)?.current.result.data).toBeDefined());
  });

  it('stops every schedule and lets go of every credential set when disposed (signed out)', async () => {
    registry.open(developer);
    await vi.waitFor(() => expect(sessionOf(developer)?.current.result.data).toBeDefined());
    registry.dispose();
    expect(sts.forgetAll).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(2 * 3600_000);
    expect(sts.assumeRoleWithWebIdentity).toHaveBeenCalledTimes(1);
  });

  it('shows the step an opening session is on', async () => {
    sts.assumeRoleWithWebIdentity.mockImplementationOnce(untilAborted('AssumeRoleWithWebIdentity'));
    registry.open(developer);
    await vi.waitFor(() => expect(sessionOf(developer)?.current.progress).toBeDefined());
    const progress = sessionOf(developer)!.current.progress!;
    expect(progress.steps[progress.current]).toBe('AssumeRoleWithWebIdentity');
    expect(sessionOf(developer)?.current.result.isFetching).toBe(true);
  });

  it('cancels an opening: the call in flight is aborted, the session is gone, nothing retries', async () => {
    sts.assumeRoleWithWebIdentity.mockImplementationOnce(untilAborted('AssumeRoleWithWebIdentity'));
    registry.open(developer);
    await vi.waitFor(() => expect(sts.assumeRoleWithWebIdentity).toHaveBeenCalledOnce());
    const signal = sts.assumeRoleWithWebIdentity.mock.calls[0][1]?.signal;

    expect(registry.cancelOpening(developer.arn)).toBe(true);

    expect(signal?.aborted).toBe(true);
    await vi.waitFor(() => expect(sessionOf(developer)).toBeUndefined());
    expect(client.getQueryCache().findAll({ queryKey: ['sessions'] })).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(sts.assumeRoleWithWebIdentity).toHaveBeenCalledOnce();
    expect(sts.getCallerIdentity).not.toHaveBeenCalled();

    // The role can be opened again, normally.
    registry.open(developer);
    await vi.waitFor(() => expect(sessionOf(developer)?.current.result.data).toBeDefined());
  });

  it('does not cancel a session that is open: its refreshes are not stopped this way', async () => {
    registry.open(developer);
    await vi.waitFor(() => expect(sessionOf(developer)?.current.result.data).toBeDefined());
    expect(registry.cancelOpening(developer.arn)).toBe(false);
    expect(sessionOf(developer)?.current.result.data).toBeDefined();
  });
});
