import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALICE_CLAIMS,
  SANDBOX_DEVELOPER,
  SANDBOX_MISCONFIGURED,
  startHarness,
  type Harness,
} from './test/harness.ts';

/**
 * The AWS CLI (botocore, not the JS SDK) against the local STS. Debian's /usr/bin/aws is used on
 * purpose: a plain `aws` on PATH may be another copy. Skipped only off CI without the CLI.
 */
const AWS = '/usr/bin/aws';
const run = promisify(execFile);

/** No profile, no instance metadata, no pager: only what the test passes. */
const isolated = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: '/nonexistent',
  AWS_CONFIG_FILE: '/dev/null',
  AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_PAGER: '',
};

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function aws(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(AWS, args, {
      env: { ...isolated, ...env },
      timeout: 20_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe.skipIf(!existsSync(AWS) && !process.env.CI)('AWS CLI', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const assumeArgs = (roleArn: string, token: string) => [
    'sts',
    'assume-role-with-web-identity',
    '--endpoint-url',
    h.sts.url,
    '--no-sign-request',
    '--region',
    'us-east-1',
    '--output',
    'json',
    '--role-arn',
    roleArn,
    '--role-session-name',
    'alice',
    '--web-identity-token',
    token,
  ];

  it('assumes a role with a web identity, then signs get-caller-identity with the keys', async () => {
    const token = await h.idp.mint(ALICE_CLAIMS);
    const assumed = await aws(assumeArgs(SANDBOX_DEVELOPER, token));
    expect(assumed.stderr).toBe('');
    expect(assumed.code).toBe(0);
    const result = JSON.parse(assumed.stdout) as {
      Credentials: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string };
      AssumedRoleUser: { Arn: string };
      SourceIdentity: string;
    };
    expect(result.AssumedRoleUser.Arn).toBe(
      'arn:aws:sts::111111111111:assumed-role/Developer/alice',
    );
    expect(result.SourceIdentity).toBe('alice');

    const { AccessKeyId, SecretAccessKey, SessionToken } = result.Credentials;
    const identity = await aws(
      [
        'sts',
        'get-caller-identity',
        '--endpoint-url',
        h.sts.url,
        '--region',
        'eu-west-1',
        '--output',
        'json',
      ],
      {
        AWS_ACCESS_KEY_ID: AccessKeyId,
        AWS_SECRET_ACCESS_KEY: SecretAccessKey,
        AWS_SESSION_TOKEN: SessionToken,
      },
    );
    expect(identity.code).toBe(0);
    expect(JSON.parse(identity.stdout)).toEqual({
      UserId: 'AROAQSANDBOXDEV00001:alice',
      Account: '111111111111',
      Arn: 'arn:aws:sts::111111111111:assumed-role/Developer/alice',
    });
  });

  async function developerKeys() {
    const assumed = await aws(assumeArgs(SANDBOX_DEVELOPER, await h.idp.mint(ALICE_CLAIMS)));
    const { Credentials } = JSON.parse(assumed.stdout) as {
      Credentials: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string };
    };
    return {
      AWS_ACCESS_KEY_ID: Credentials.AccessKeyId,
      AWS_SECRET_ACCESS_KEY: Credentials.SecretAccessKey,
      AWS_SESSION_TOKEN: Credentials.SessionToken,
    };
  }

  const signedArgs = (args: string[]) => [
    ...args,
    '--endpoint-url',
    h.sts.url,
    '--region',
    'us-east-1',
    '--output',
    'json',
  ];

  it('answers get-access-key-info with the key’s account', async () => {
    const keys = await developerKeys();
    const info = await aws(
      signedArgs(['sts', 'get-access-key-info', '--access-key-id', keys.AWS_ACCESS_KEY_ID]),
      keys,
    );
    expect(info.stderr).toBe('');
    expect(JSON.parse(info.stdout)).toEqual({ Account: '111111111111' });
  });

  it('shows a denied ec2 run-instances with an encoded message, which decodes', async () => {
    const keys = await developerKeys();
    const denied = await aws(
      signedArgs([
        'ec2',
        'run-instances',
        '--dry-run',
        '--image-id',
        'ami-12345678',
        '--instance-type',
        't3.micro',
      ]),
      keys,
    );
    expect(denied.code).toBe(254);
    expect(denied.stderr.trim()).toMatch(
      /^An error occurred \(UnauthorizedOperation\) when calling the RunInstances operation: You are not authorized to perform this operation\. User: arn:aws:sts::111111111111:assumed-role\/Developer\/alice is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:us-east-1:111111111111:instance\/\* because no identity-based policy allows the ec2:RunInstances action\. Encoded authorization failure message: [A-Za-z0-9_-]+$/,
    );
    const encoded = denied.stderr.trim().split(': ').at(-1) ?? '';

    const decoded = await aws(
      signedArgs(['sts', 'decode-authorization-message', '--encoded-message', encoded]),
      keys,
    );
    expect(decoded.stderr).toBe('');
    const { DecodedMessage } = JSON.parse(decoded.stdout) as { DecodedMessage: string };
    expect(JSON.parse(DecodedMessage)).toMatchObject({
      allowed: false,
      explicitDeny: false,
      context: { action: 'ec2:RunInstances' },
    });

    const broken = await aws(
      signedArgs(['sts', 'decode-authorization-message', '--encoded-message', `${encoded}x`]),
      keys,
    );
    expect(broken.code).toBe(254);
    expect(broken.stderr).toContain(
      'An error occurred (InvalidAuthorizationMessageException) when calling the DecodeAuthorizationMessage operation',
    );
  });

  it('reports a refused trust policy with its error code and exit status 254', async () => {
    const token = await h.idp.mint(ALICE_CLAIMS);
    const refused = await aws(assumeArgs(SANDBOX_MISCONFIGURED, token));
    expect(refused.code).toBe(254);
    expect(refused.stderr.trim()).toBe(
      'An error occurred (AccessDenied) when calling the AssumeRoleWithWebIdentity operation: Not authorized to perform sts:AssumeRoleWithWebIdentity',
    );
  });
});
