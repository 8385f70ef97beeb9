import {
  AssumeRoleCommand,
  AssumeRoleWithWebIdentityCommand,
  GetCallerIdentityCommand,
  GetFederationTokenCommand,
  GetSessionTokenCommand,
  type AssumeRoleCommandInput,
} from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { totp } from '../totp.ts';
import {
  ALICE_CLAIMS,
  AUDIT_AUDITOR,
  failure,
  keysOf,
  SANDBOX_ADMIN,
  SANDBOX_DEVELOPER,
  startHarness,
  TRAINER,
  type Harness,
} from './harness.ts';
import { labRole, labWorld } from './lab-world.ts';
import { post, presignedGet, signedPost, xmlText, type Keys } from './raw.ts';

/** The server's clock, moved by hand; clients sign on it through systemClockOffset. */
let clock = Date.now();
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ data: labWorld(), now: () => clock });
});
afterAll(() => h.close());
beforeEach(() => {
  // A fresh TOTP step for every test: a code is good once.
  clock += 90_000;
});

const client = (credentials?: Keys, config = {}) =>
  h.client({ credentials, systemClockOffset: clock - Date.now(), ...config });

const whoAmI = (credentials: Keys) => client(credentials).send(new GetCallerIdentityCommand({}));

async function webSession(
  RoleArn = SANDBOX_DEVELOPER,
  claims: Record<string, unknown> = ALICE_CLAIMS,
) {
  const WebIdentityToken = await h.idp.mint(claims);
  const command = new AssumeRoleWithWebIdentityCommand({
    RoleArn,
    RoleSessionName: 'alice',
    WebIdentityToken,
  });
  return keysOf((await client().send(command)).Credentials);
}

const assumeRole = (credentials: Keys, input: Partial<AssumeRoleCommandInput>) =>
  client(credentials).send(
    new AssumeRoleCommand({ RoleArn: AUDIT_AUDITOR, RoleSessionName: 'audit', ...input }),
  );

const trainerKeys: Keys = {
  accessKeyId: TRAINER.accessKeyId,
  secretAccessKey: TRAINER.secretAccessKey,
};
const mfaCode = () => totp(TRAINER.mfaSecret, clock);

describe('GetCallerIdentity', () => {
  it('names a role session', async () => {
    const identity = await whoAmI(await webSession());
    expect(identity).toMatchObject({
      UserId: 'AROAQSANDBOXDEV00001:alice',
      Account: '111111111111',
      Arn: 'arn:aws:sts::111111111111:assumed-role/Developer/alice',
    });
  });

  it('names an IAM user signing with long-term keys', async () => {
    expect(await whoAmI(trainerKeys)).toMatchObject({
      UserId: 'AIDAQSANDBOXTRAINER1',
      Account: '111111111111',
      Arn: 'arn:aws:iam::111111111111:user/trainer',
    });
  });

  it('accepts any valid region in the signature', async () => {
    const keys = await webSession();
    const identity = await client(keys, { region: 'ap-southeast-2' }).send(
      new GetCallerIdentityCommand({}),
    );
    expect(identity.Account).toBe('111111111111');
  });

  it('accepts a presigned GET', async () => {
    const keys = await webSession();
    const answer = await presignedGet(
      h.sts.url,
      { Action: 'GetCallerIdentity', Version: '2011-06-15' },
      { credentials: keys, signingDate: new Date(clock) },
    );
    expect(answer.status).toBe(200);
    expect(xmlText(answer.body, 'Arn')).toBe(
      'arn:aws:sts::111111111111:assumed-role/Developer/alice',
    );
  });
});

describe('signature checks', () => {
  const action = { Action: 'GetCallerIdentity', Version: '2011-06-15' };

  it('refuses an unsigned call', async () => {
    const answer = await post(h.sts.url, action);
    expect(answer.status).toBe(403);
    expect(xmlText(answer.body, 'Code')).toBe('MissingAuthenticationToken');
    expect(xmlText(answer.body, 'Message')).toBe('Request is missing Authentication Token');
  });

  it('refuses an unknown access key with InvalidClientTokenId', async () => {
    const f = await failure(whoAmI({ accessKeyId: 'AKIAUNKNOWNUNKNOWN00', secretAccessKey: 'x' }));
    expect(f).toMatchObject({ name: 'InvalidClientTokenId', status: 403 });
    expect(f.message).toBe('The security token included in the request is invalid.');
  });

  it('refuses a session key without, or with a wrong, session token', async () => {
    const keys = await webSession();
    for (const sessionToken of [undefined, 'wrong-token']) {
      const f = await failure(whoAmI({ ...keys, sessionToken }));
      expect(f.code).toBe('InvalidClientTokenId');
    }
    const f = await failure(whoAmI({ ...trainerKeys, sessionToken: 'not-for-long-term-keys' }));
    expect(f.code).toBe('InvalidClientTokenId');
  });

  it('refuses a wrong secret with SignatureDoesNotMatch', async () => {
    const keys = await webSession();
    const f = await failure(whoAmI({ ...keys, secretAccessKey: `${keys.secretAccessKey}x` }));
    expect(f).toMatchObject({ name: 'SignatureDoesNotMatch', status: 403 });
    expect(f.message).toBe(
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    );
  });

  it('refuses an expired session with ExpiredToken', async () => {
    const WebIdentityToken = await h.idp.mint(ALICE_CLAIMS);
    const command = new AssumeRoleWithWebIdentityCommand({
      RoleArn: SANDBOX_DEVELOPER,
      RoleSessionName: 'alice',
      WebIdentityToken,
      DurationSeconds: 900,
    });
    const keys = keysOf((await client().send(command)).Credentials);
    clock += 901_000;
    const f = await failure(whoAmI(keys));
    expect(f).toMatchObject({ name: 'ExpiredToken', status: 403 });
    expect(f.message).toBe('The security token included in the request is expired');
  });

  it('refuses a request signed more than 15 minutes off, naming the times', async () => {
    const keys = await webSession();
    const stale = await failure(
      client(keys, { systemClockOffset: clock - Date.now() - 16 * 60_000 }).send(
        new GetCallerIdentityCommand({}),
      ),
    );
    expect(stale.name).toBe('SignatureDoesNotMatch');
    expect(stale.message).toMatch(
      /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/,
    );
    const future = await failure(
      client(keys, { systemClockOffset: clock - Date.now() + 16 * 60_000 }).send(
        new GetCallerIdentityCommand({}),
      ),
    );
    expect(future.message).toMatch(/^Signature not yet current: /);
  });

  it('lets the SDK correct its clock from the Date header and retry', async () => {
    const keys = await webSession();
    const skewed = client(keys, {
      systemClockOffset: clock - Date.now() - 30 * 60_000,
      maxAttempts: 2,
    });
    const identity = await skewed.send(new GetCallerIdentityCommand({}));
    expect(identity.$metadata.attempts).toBe(2);
  });

  it('checks the credential scope: service and region', async () => {
    const keys = await webSession();
    const signingDate = new Date(clock);
    const s3 = await signedPost(h.sts.url, action, {
      credentials: keys,
      service: 's3',
      signingDate,
    });
    expect(xmlText(s3.body, 'Code')).toBe('SignatureDoesNotMatch');
    expect(xmlText(s3.body, 'Message')).toBe(
      "Credential should be scoped to correct service: 'sts'. ",
    );
    const moon = await signedPost(h.sts.url, action, {
      credentials: keys,
      region: 'moon',
      signingDate,
    });
    expect(xmlText(moon.body, 'Message')).toBe('Credential should be scoped to a valid region. ');
    const good = await signedPost(h.sts.url, action, {
      credentials: keys,
      region: 'eu-central-2',
      signingDate,
    });
    expect(good.status).toBe(200);
  });
});

describe('AssumeRole', () => {
  it('chains from a web-identity session with the external id, carrying source identity and transitive tags', async () => {
    const developer = await webSession();
    const result = await assumeRole(developer, { ExternalId: 'rolecall-demo' });
    expect(result.AssumedRoleUser).toEqual({
      AssumedRoleId: 'AROAQAUDITAUDITOR006:audit',
      Arn: 'arn:aws:sts::333333333333:assumed-role/Auditor/audit',
    });
    expect(result.SourceIdentity).toBe('alice');
    expect(result.PackedPolicySize).toBeGreaterThan(0);
    const expiresIn = (result.Credentials?.Expiration?.getTime() ?? 0) - clock;
    expect(Math.ceil(expiresIn / 1000)).toBe(3600);
    const identity = await whoAmI(keysOf(result.Credentials));
    expect(identity.Arn).toBe('arn:aws:sts::333333333333:assumed-role/Auditor/audit');
    const clash = await failure(
      assumeRole(developer, { ExternalId: 'rolecall-demo', Tags: [{ Key: 'team', Value: 'x' }] }),
    );
    expect(clash.code).toBe('ValidationError');
    expect(clash.message).toContain('inherited as a transitive tag');
  });

  it('denies without the external id, naming the caller and the role', async () => {
    const f = await failure(assumeRole(await webSession(), {}));
    expect(f).toMatchObject({ name: 'AccessDenied', status: 403 });
    expect(f.message).toBe(
      'User: arn:aws:sts::111111111111:assumed-role/Developer/alice is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::333333333333:role/Auditor',
    );
    const wrongId = await failure(assumeRole(await webSession(), { ExternalId: 'guess' }));
    expect(wrongId.code).toBe('AccessDenied');
  });

  it('denies a role the trust policy does not name', async () => {
    const f = await failure(
      assumeRole(await webSession(SANDBOX_ADMIN), { ExternalId: 'rolecall-demo' }),
    );
    expect(f.code).toBe('AccessDenied');
    expect(f.message).toContain('assumed-role/Admin/alice is not authorized');
  });

  it('caps role chaining at one hour', async () => {
    const f = await failure(
      assumeRole(await webSession(), { ExternalId: 'rolecall-demo', DurationSeconds: 3601 }),
    );
    expect(f.name).toBe('ValidationError');
    expect(f.message).toBe(
      'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    );
  });

  it('keeps the source identity once set', async () => {
    const f = await failure(
      assumeRole(await webSession(), { ExternalId: 'rolecall-demo', SourceIdentity: 'mallory' }),
    );
    expect(f.code).toBe('ValidationError');
  });

  it('lets an IAM user assume a role that needs MFA only with a valid code, used once', async () => {
    const RoleArn = labRole('TrainerWithMfa');
    const without = await failure(assumeRole(trainerKeys, { RoleArn }));
    expect(without.code).toBe('AccessDenied');
    const TokenCode = mfaCode();
    const input = { RoleArn, SerialNumber: TRAINER.mfaSerial, TokenCode, DurationSeconds: 7200 };
    const result = await assumeRole(trainerKeys, input);
    expect(result.AssumedRoleUser?.Arn).toBe(
      'arn:aws:sts::444444444444:assumed-role/TrainerWithMfa/audit',
    );
    const replay = await failure(assumeRole(trainerKeys, input));
    expect(replay.message).toBe(
      'MultiFactorAuthentication failed with invalid MFA one time pass code. ',
    );
    const wrongCode = TokenCode === '000000' ? '111111' : '000000';
    const wrong = await failure(assumeRole(trainerKeys, { ...input, TokenCode: wrongCode }));
    expect(wrong.code).toBe('AccessDenied');
    const unknown = await failure(
      assumeRole(trainerKeys, { ...input, SerialNumber: 'arn:aws:iam::111111111111:mfa/nobody' }),
    );
    expect(unknown.message).toMatch(
      /^MultiFactorAuthentication failed, unable to validate MFA code/,
    );
  });

  it('passes session tags, checking keys case-insensitively and transitive keys', async () => {
    const RoleArn = labRole('AnyoneInSandbox');
    const Tags = [{ Key: 'Project', Value: 'rolecall' }];
    const ok = await assumeRole(trainerKeys, { RoleArn, Tags, TransitiveTagKeys: ['Project'] });
    expect(ok.PackedPolicySize).toBeGreaterThan(0);
    const duplicate = await failure(
      assumeRole(trainerKeys, { RoleArn, Tags: [...Tags, { Key: 'project', Value: 'x' }] }),
    );
    expect(duplicate.message).toBe(
      'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
    );
    const stray = await failure(
      assumeRole(trainerKeys, { RoleArn, Tags, TransitiveTagKeys: ['Team'] }),
    );
    expect(stray.code).toBe('ValidationError');
    const many = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    const tooMany = await failure(assumeRole(trainerKeys, { RoleArn, Tags: many }));
    expect(tooMany.message).toContain(
      "at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50",
    );
  });

  it('does not count an IAM user session as chaining', async () => {
    const session = await client(trainerKeys).send(new GetSessionTokenCommand({}));
    const result = await assumeRole(keysOf(session.Credentials), {
      RoleArn: labRole('AnyoneInSandbox'),
      DurationSeconds: 43200,
    });
    expect(result.AssumedRoleUser?.Arn).toContain('AnyoneInSandbox');
  });

  it('refuses an unknown role and a federated user', async () => {
    const missing = await failure(
      assumeRole(trainerKeys, { RoleArn: 'arn:aws:iam::111111111111:role/Nope' }),
    );
    expect(missing.code).toBe('AccessDenied');
    // A misspelt ARN is just a role that is not there (aws-vault issue 668).
    const misspelt = await failure(
      assumeRole(trainerKeys, { RoleArn: 'arn:aws:iam:111111111111:role/Developer' }),
    );
    expect(misspelt.message).toBe(
      'User: arn:aws:iam::111111111111:user/trainer is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam:111111111111:role/Developer',
    );
    const federation = await client(trainerKeys).send(
      new GetFederationTokenCommand({ Name: 'visitor' }),
    );
    const federated = await failure(
      assumeRole(keysOf(federation.Credentials), { RoleArn: labRole('AnyoneInSandbox') }),
    );
    expect(federated.message).toMatch(
      /^User: arn:aws:sts::111111111111:federated-user\/visitor is not authorized/,
    );
  });
});

describe('GetSessionToken', () => {
  it('gives an IAM user 12 hours by default, as the same user', async () => {
    const result = await client(trainerKeys).send(new GetSessionTokenCommand({}));
    const expiresIn = (result.Credentials?.Expiration?.getTime() ?? 0) - clock;
    expect(Math.ceil(expiresIn / 1000)).toBe(43200);
    const identity = await whoAmI(keysOf(result.Credentials));
    expect(identity.Arn).toBe('arn:aws:iam::111111111111:user/trainer');
  });

  it('checks the duration range 900-129600', async () => {
    const f = await failure(
      client(trainerKeys).send(new GetSessionTokenCommand({ DurationSeconds: 129601 })),
    );
    expect(f.message).toContain('Member must have value less than or equal to 129600');
  });

  it('checks MFA, and the session then satisfies MFA conditions', async () => {
    const result = await client(trainerKeys).send(
      new GetSessionTokenCommand({ SerialNumber: TRAINER.mfaSerial, TokenCode: mfaCode() }),
    );
    const chained = await assumeRole(keysOf(result.Credentials), {
      RoleArn: labRole('TrainerWithMfa'),
    });
    expect(chained.AssumedRoleUser?.Arn).toContain('TrainerWithMfa');
    const wrong = await failure(
      client(trainerKeys).send(
        new GetSessionTokenCommand({ SerialNumber: TRAINER.mfaSerial, TokenCode: '12345x' }),
      ),
    );
    expect(wrong.name).toBe('ValidationError');
  });

  it('refuses session credentials', async () => {
    const f = await failure(client(await webSession()).send(new GetSessionTokenCommand({})));
    expect(f).toMatchObject({ name: 'AccessDenied', status: 403 });
    expect(f.message).toBe('Cannot call GetSessionToken with session credentials');
  });
});

describe('GetFederationToken', () => {
  it('returns the federated user and its identity', async () => {
    const Policy = JSON.stringify({
      Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
    });
    const result = await client(trainerKeys).send(
      new GetFederationTokenCommand({ Name: 'visitor', Policy }),
    );
    expect(result.FederatedUser).toEqual({
      FederatedUserId: '111111111111:visitor',
      Arn: 'arn:aws:sts::111111111111:federated-user/visitor',
    });
    expect(result.PackedPolicySize).toBeGreaterThan(0);
    const identity = await whoAmI(keysOf(result.Credentials));
    expect(identity).toMatchObject({ UserId: '111111111111:visitor', Account: '111111111111' });
  });

  it('validates Name and refuses session credentials', async () => {
    const f = await failure(client(trainerKeys).send(new GetFederationTokenCommand({ Name: 'x' })));
    expect(f.message).toContain("Value 'x' at 'name' failed to satisfy constraint");
    const session = await failure(
      client(await webSession()).send(new GetFederationTokenCommand({ Name: 'visitor' })),
    );
    expect(session.message).toBe('Cannot call GetFederationToken with session credentials');
  });
});
