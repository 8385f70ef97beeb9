import { describe, expect, it, vi } from 'vitest';
import { toStsProblem } from '../../lib/aws/sts-problem';
import type { RoleSession } from '../../types/session';
import { StsCallCancelled } from '../../lib/aws/sts-gateway';
import { fakeSts, idToken, role, untilAborted } from './fake-sts';
import { openSession, type OpeningProgress, type SessionRequest } from './open-session';

const request = (extra: Partial<SessionRequest> = {}): SessionRequest => ({
  subject: 'alice',
  role: role('Developer'),
  roleSessionName: 'alice-example.com',
  durationSeconds: 3600,
  ...extra,
});

const noHub = () => Promise.reject(new Error('no hub expected'));

describe('openSession', () => {
  it('trades the ID token for credentials, then confirms who they are', async () => {
    const sts = fakeSts();
    const token = idToken({
      'https://aws.amazon.com/tags': { principal_tags: { team: ['blue'] } },
    });
    const session = await openSession(
      { sts, getIdToken: async () => token, hubSession: noHub },
      request(),
    );

    expect(sts.assumeRoleWithWebIdentity).toHaveBeenCalledWith(
      {
        roleArn: 'arn:aws:iam::111111111111:role/Developer',
        roleSessionName: 'alice-example.com',
        webIdentityToken: token,
        durationSeconds: 3600,
      },
      { signal: undefined },
    );
    expect(sts.getCallerIdentity).toHaveBeenCalledWith(session.credentials, session.role.arn, {
      signal: undefined,
    });
    expect(session.identity.arn).toBe('arn:aws:sts::111111111111:assumed-role/from-ASIAFAKE1');
    expect(session.identityUnconfirmed).toBeUndefined();
    expect(session.calls.map((call) => call.action)).toEqual([
      'AssumeRoleWithWebIdentity',
      'GetCallerIdentity',
    ]);
    expect(session.chain).toEqual([]);
    expect(session.token.tags).toEqual({ team: ['blue'] });
  });

  it('chains from the hub session with AssumeRole and keeps the hub calls for support', async () => {
    const sts = fakeSts();
    const hub = await openSession(
      { sts, getIdToken: async () => idToken(), hubSession: noHub },
      request(),
    );
    const hubSession = vi.fn(async () => hub);
    const auditor = role('Auditor', {
      chainFrom: hub.role.arn,
      externalId: 'audit-ext',
      accountId: '222222222222',
      arn: 'arn:aws:iam::222222222222:role/Auditor',
    });

    const session = await openSession(
      { sts, getIdToken: () => Promise.reject(new Error('chaining needs no token')), hubSession },
      request({ role: auditor, durationSeconds: 900 }),
    );

    expect(hubSession).toHaveBeenCalledWith(hub.role.arn);
    expect(sts.assumeRole).toHaveBeenCalledWith(
      hub.credentials,
      {
        roleArn: auditor.arn,
        roleSessionName: 'alice-example.com',
        durationSeconds: 900,
        externalId: 'audit-ext',
      },
      { signal: undefined },
    );
    expect(session.chain).toEqual([hub.assumedRoleArn]);
    expect(session.calls.map((call) => call.action)).toEqual([
      'AssumeRoleWithWebIdentity',
      'GetCallerIdentity',
      'AssumeRole',
      'GetCallerIdentity',
    ]);
    expect(session.token.issuer).toBe(hub.token.issuer);
  });

  it('keeps the credentials when GetCallerIdentity fails, with the identity marked unconfirmed', async () => {
    const sts = fakeSts();
    const unavailable = toStsProblem(
      Object.assign(new Error('down'), {
        name: 'ServiceUnavailable',
        $metadata: { httpStatusCode: 503 },
      }),
      { action: 'GetCallerIdentity', endpoint: 'https://sts.example' },
    );
    sts.getCallerIdentity.mockRejectedValueOnce(unavailable);

    const session: RoleSession = await openSession(
      { sts, getIdToken: async () => idToken(), hubSession: noHub },
      request(),
    );

    expect(session.credentials.accessKeyId).toBe('ASIAFAKE1');
    expect(session.identity).toEqual({
      account: '111111111111',
      arn: 'arn:aws:sts::111111111111:assumed-role/Developer/alice-example.com',
      userId: 'AROAFAKE:alice-example.com',
    });
    expect(session.identityUnconfirmed).toBe(unavailable);
    expect(session.calls.map((call) => call.action)).toEqual(['AssumeRoleWithWebIdentity']);
  });

  it('lets a failure that is not an STS answer through, rather than inventing an identity', async () => {
    const sts = fakeSts();
    sts.getCallerIdentity.mockRejectedValueOnce(new TypeError('bug'));
    await expect(
      openSession({ sts, getIdToken: async () => idToken(), hubSession: noHub }, request()),
    ).rejects.toThrow('bug');
  });

  it('tells each step as it begins, in order', async () => {
    const sts = fakeSts();
    const seen: OpeningProgress[] = [];
    await openSession({ sts, getIdToken: async () => idToken(), hubSession: noHub }, request(), {
      onStep: (progress) => seen.push(progress),
    });
    expect(seen.map(({ steps, current }) => steps[current])).toEqual([
      'AssumeRoleWithWebIdentity',
      'GetCallerIdentity',
    ]);
    expect(seen[1].startedAt).toBeGreaterThanOrEqual(seen[0].startedAt);
  });

  it('stops when cancelled during AssumeRoleWithWebIdentity, and asks nothing more', async () => {
    const sts = fakeSts();
    sts.assumeRoleWithWebIdentity.mockImplementationOnce(untilAborted('AssumeRoleWithWebIdentity'));
    const cancel = new AbortController();
    const opening = openSession(
      { sts, getIdToken: async () => idToken(), hubSession: noHub },
      request(),
      { signal: cancel.signal },
    );
    await vi.waitFor(() => expect(sts.assumeRoleWithWebIdentity).toHaveBeenCalledOnce());
    cancel.abort();
    await expect(opening).rejects.toBeInstanceOf(StsCallCancelled);
    expect(sts.getCallerIdentity).not.toHaveBeenCalled();
  });

  it('lets go of the new credentials when cancelled during GetCallerIdentity', async () => {
    const sts = fakeSts();
    sts.getCallerIdentity.mockImplementationOnce(untilAborted('GetCallerIdentity'));
    const cancel = new AbortController();
    const opening = openSession(
      { sts, getIdToken: async () => idToken(), hubSession: noHub },
      request(),
      { signal: cancel.signal },
    );
    await vi.waitFor(() => expect(sts.getCallerIdentity).toHaveBeenCalledOnce());
    cancel.abort();
    await expect(opening).rejects.toBeInstanceOf(StsCallCancelled);
    expect(sts.forget).toHaveBeenCalledWith(expect.objectContaining({ accessKeyId: 'ASIAFAKE1' }));
  });
});
