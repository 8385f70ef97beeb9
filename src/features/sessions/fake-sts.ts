// Test support: an STS gateway that answers like AWS from memory, and records what it was asked.
import { vi } from 'vitest';
import { StsCallCancelled, type StsCallOptions, type StsGateway } from '../../lib/aws/sts-gateway';
import type { RoleCredentials, TemporaryCredentials } from '../../lib/aws/types';
import type { RoleOption } from '../../types/role';

export const HOUR_MS = 3_600_000;

export function role(name: string, extra: Partial<RoleOption> = {}): RoleOption {
  return {
    arn: `arn:aws:iam::111111111111:role/${name}`,
    accountId: '111111111111',
    accountName: 'Sandbox',
    accountColor: '#0ea5e9',
    name,
    label: name,
    source: 'config',
    preferred: false,
    ...extra,
  };
}

/** A signed-looking ID token: only its payload is read. */
export function idToken(claims: Record<string, unknown> = {}): string {
  const part = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, '');
  return `${part({ alg: 'RS256' })}.${part({ iss: 'https://idp.example', sub: 'alice', aud: 'rolecall', ...claims })}.sig`;
}

export function fakeSts() {
  let issued = 0;
  const credentialsFor = (seconds: number): TemporaryCredentials => {
    issued += 1;
    return {
      accessKeyId: `ASIAFAKE${issued}`,
      secretAccessKey: `secret-${issued}`,
      sessionToken: `token-${issued}`,
      expiresAt: Date.now() + seconds * 1000,
    };
  };
  const answer = (
    action: string,
    arn: string,
    session: string,
    seconds: number,
  ): RoleCredentials => {
    const [, account, name] = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(arn) ?? [];
    return {
      credentials: credentialsFor(seconds),
      assumedRoleArn: `arn:aws:sts::${account}:assumed-role/${name}/${session}`,
      assumedRoleId: `AROAFAKE:${session}`,
      call: { action, requestId: `req-${issued}`, clockOffsetMs: 0 },
    };
  };
  const gateway = {
    assumeRoleWithWebIdentity: vi.fn<StsGateway['assumeRoleWithWebIdentity']>(async (input) => ({
      ...answer(
        'AssumeRoleWithWebIdentity',
        input.roleArn,
        input.roleSessionName,
        input.durationSeconds,
      ),
      subject: 'alice',
      audience: 'rolecall',
      provider: 'arn:aws:iam::111111111111:oidc-provider/idp.example',
    })),
    assumeRole: vi.fn<StsGateway['assumeRole']>(async (_credentials, input) =>
      answer('AssumeRole', input.roleArn, input.roleSessionName, input.durationSeconds),
    ),
    getCallerIdentity: vi.fn<StsGateway['getCallerIdentity']>(async (credentials) => ({
      identity: {
        account: '111111111111',
        arn: `arn:aws:sts::111111111111:assumed-role/from-${credentials.accessKeyId}`,
        userId: 'AROAFAKE:alice',
      },
      call: { action: 'GetCallerIdentity', requestId: 'req-gci', clockOffsetMs: 0 },
    })),
    getAccessKeyInfo: vi.fn<StsGateway['getAccessKeyInfo']>(() =>
      Promise.resolve({
        account: '111111111111',
        call: { action: 'GetAccessKeyInfo', requestId: 'req-gaki', clockOffsetMs: 0 },
      }),
    ),
    decodeAuthorizationMessage: vi.fn<StsGateway['decodeAuthorizationMessage']>(() =>
      Promise.resolve({
        decoded: '{"allowed":false}',
        call: { action: 'DecodeAuthorizationMessage', requestId: 'req-dam', clockOffsetMs: 0 },
      }),
    ),
    forget: vi.fn<StsGateway['forget']>(),
    forgetAll: vi.fn<StsGateway['forgetAll']>(),
  } satisfies StsGateway;
  return gateway;
}

/**
 * A call that never answers, like a very slow STS, until its signal is aborted: then it fails the
 * way the real gateway does. Use with `mockImplementationOnce`.
 */
export function untilAborted(action: string) {
  return (...args: unknown[]): Promise<never> => {
    const options = args.at(-1) as StsCallOptions | undefined;
    return new Promise((_resolve, reject) => {
      const signal = options?.signal;
      if (!signal) return;
      const fail = () => reject(new StsCallCancelled(action));
      if (signal.aborted) fail();
      else signal.addEventListener('abort', fail, { once: true });
    });
  };
}
