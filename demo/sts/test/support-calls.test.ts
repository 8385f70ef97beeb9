import {
  AssumeRoleCommand,
  AssumeRoleWithWebIdentityCommand,
  DecodeAuthorizationMessageCommand,
  GetAccessKeyInfoCommand,
  GetFederationTokenCommand,
  InvalidAuthorizationMessageException,
} from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallRecord } from '../calls.ts';
import {
  ALICE_CLAIMS,
  AUDIT_AUDITOR,
  failure,
  keysOf,
  PRODUCTION_DEPLOYER,
  PRODUCTION_READONLY,
  SANDBOX_ADMIN,
  SANDBOX_DEVELOPER,
  startHarness,
  TRAINER,
  type Harness,
} from './harness.ts';
import { signedPost, xmlText, type Keys } from './raw.ts';

/**
 * What support staff reach for: GetAccessKeyInfo ("whose key is this?") and
 * DecodeAuthorizationMessage ("why was this denied?"), with the EC2 stand-in that produces an
 * encoded authorization failure message, seen by the real SDK.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function webSession(RoleArn: string, claims: Record<string, unknown> = ALICE_CLAIMS) {
  const command = new AssumeRoleWithWebIdentityCommand({
    RoleArn,
    RoleSessionName: 'alice',
    WebIdentityToken: await h.idp.mint(claims),
  });
  return keysOf((await h.client().send(command)).Credentials);
}

const keyInfo = (credentials: Keys, AccessKeyId: string) =>
  h.client({ credentials }).send(new GetAccessKeyInfoCommand({ AccessKeyId }));

const decode = (credentials: Keys, EncodedMessage: string) =>
  h.client({ credentials }).send(new DecodeAuthorizationMessageCommand({ EncodedMessage }));

/** `aws ec2 run-instances --dry-run` as the EC2 stand-in receives it. */
const runInstances = (credentials: Keys, service = 'ec2') =>
  signedPost(
    h.sts.url,
    {
      Action: 'RunInstances',
      Version: '2016-11-15',
      ImageId: 'ami-12345678',
      InstanceType: 't3.micro',
      MinCount: '1',
      MaxCount: '1',
      DryRun: 'true',
    },
    { credentials, service, region: 'eu-west-1' },
  );

function encodedMessageOf(text: string): string {
  const match = /Encoded authorization failure message: ([A-Za-z0-9_-]+)/.exec(text);
  if (!match?.[1]) throw new Error(`No encoded message in: ${text}`);
  return match[1];
}

describe('GetAccessKeyInfo', () => {
  it('names the account of a session key, of an IAM user key and of another account', async () => {
    const developer = await webSession(SANDBOX_DEVELOPER);
    const readOnly = await webSession(PRODUCTION_READONLY, { sub: 'user-bob' });
    expect(await keyInfo(developer, developer.accessKeyId)).toMatchObject({
      Account: '111111111111',
    });
    expect((await keyInfo(developer, TRAINER.accessKeyId)).Account).toBe('111111111111');
    expect((await keyInfo(developer, readOnly.accessKeyId)).Account).toBe('222222222222');
  });

  it('refuses an unknown key, a malformed one, and a federated user', async () => {
    const developer = await webSession(SANDBOX_DEVELOPER);
    const unknown = await failure(keyInfo(developer, 'AKIAIOSFODNN7EXAMPLE'));
    expect(unknown).toMatchObject({ code: 'InvalidParameterValue', status: 400 });
    const short = await failure(keyInfo(developer, 'AKIA-SHORT'));
    expect(short.message).toBe(
      "2 validation errors detected: Value 'AKIA-SHORT' at 'accessKeyId' failed to satisfy constraint: Member must have length greater than or equal to 16; Value 'AKIA-SHORT' at 'accessKeyId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w]*",
    );
    const token = await h
      .client({ credentials: TRAINER })
      .send(new GetFederationTokenCommand({ Name: 'visitor' }));
    const federated = await failure(keyInfo(keysOf(token.Credentials), TRAINER.accessKeyId));
    expect(federated).toMatchObject({ code: 'AccessDenied', status: 403 });
  });
});

describe('an encoded authorization message, from the EC2 stand-in', () => {
  it('denies RunInstances without an allow, and the message decodes to what was asked', async () => {
    const developer = await webSession(SANDBOX_DEVELOPER);
    const denied = await runInstances(developer);
    expect(denied.status).toBe(403);
    expect(xmlText(denied.body, 'Code')).toBe('UnauthorizedOperation');
    const message = xmlText(denied.body, 'Message') ?? '';
    expect(message).toMatch(
      /^You are not authorized to perform this operation\. User: arn:aws:sts::111111111111:assumed-role\/Developer\/alice is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:eu-west-1:111111111111:instance\/\* because no identity-based policy allows the ec2:RunInstances action\. Encoded authorization failure message: [A-Za-z0-9_-]+$/,
    );

    const { DecodedMessage } = await decode(developer, encodedMessageOf(message));
    const decoded = JSON.parse(DecodedMessage ?? '') as Record<string, unknown>;
    expect(decoded).toMatchObject({
      allowed: false,
      explicitDeny: false,
      matchedStatements: { items: [] },
      failures: { items: [] },
      context: {
        principal: {
          id: 'AROAQSANDBOXDEV00001:alice',
          arn: 'arn:aws:sts::111111111111:assumed-role/Developer/alice',
        },
        action: 'ec2:RunInstances',
        resource: 'arn:aws:ec2:eu-west-1:111111111111:instance/*',
      },
    });
    expect(JSON.stringify(decoded)).toContain(
      '{"key":"ec2:InstanceType","values":{"items":[{"value":"t3.micro"}]}}',
    );
    expect(JSON.stringify(decoded)).toContain(
      '{"key":"aws:PrincipalTag/Team","values":{"items":[{"value":"platform"}]}}',
    );
  });

  it('reports an explicit deny with the statement that denied', async () => {
    const developer = await webSession(SANDBOX_DEVELOPER);
    const chained = await h.client({ credentials: developer }).send(
      new AssumeRoleCommand({
        RoleArn: AUDIT_AUDITOR,
        RoleSessionName: 'audit',
        ExternalId: 'rolecall-demo',
      }),
    );
    const auditor = keysOf(chained.Credentials);
    const denied = await runInstances(auditor);
    const message = xmlText(denied.body, 'Message') ?? '';
    expect(message).toContain('with an explicit deny in an identity-based policy');
    const decoded = JSON.parse(
      (await decode(auditor, encodedMessageOf(message))).DecodedMessage ?? '',
    );
    expect(decoded).toMatchObject({
      explicitDeny: true,
      matchedStatements: {
        items: [
          {
            statementId: 'NeverChangeAudit',
            effect: 'DENY',
            actions: { items: [{ value: 'ec2:*' }] },
            resources: { items: [{ value: '*' }] },
          },
        ],
      },
    });
  });

  it('answers DryRunOperation when the policies allow it, and logs the calls', async () => {
    await h.admin('calls/reset', {});
    const admin = await webSession(SANDBOX_ADMIN);
    const allowed = await runInstances(admin);
    expect(allowed.status).toBe(412);
    expect(xmlText(allowed.body, 'Code')).toBe('DryRunOperation');
    const log = (await h.admin('calls')) as { calls: CallRecord[] };
    expect(log.calls.at(-1)).toMatchObject({
      action: 'RunInstances',
      status: 412,
      errorCode: 'DryRunOperation',
    });
  });

  it('wants the request signed for ec2, and says so in EC2 form', async () => {
    const developer = await webSession(SANDBOX_DEVELOPER);
    const wrongService = await runInstances(developer, 'sts');
    expect(wrongService.status).toBe(403);
    expect(wrongService.body).toContain('<Response>');
    expect(xmlText(wrongService.body, 'Message')).toBe(
      "Credential should be scoped to correct service: 'ec2'. ",
    );
  });
});

describe('DecodeAuthorizationMessage', () => {
  it('needs sts:DecodeAuthorizationMessage in the caller’s permissions policies', async () => {
    const developer = await webSession(SANDBOX_DEVELOPER);
    const message = encodedMessageOf((await runInstances(developer)).body);
    const deployer = await webSession(PRODUCTION_DEPLOYER);
    const f = await failure(decode(deployer, message));
    expect(f).toMatchObject({ code: 'AccessDenied', status: 403 });
    expect(f.message).toBe(
      'User: arn:aws:sts::222222222222:assumed-role/Deployer/alice is not authorized to perform: sts:DecodeAuthorizationMessage because no identity-based policy allows the sts:DecodeAuthorizationMessage action',
    );
    // An IAM user with the permission decodes it too.
    expect((await decode(TRAINER, message)).DecodedMessage).toContain('"allowed":false');
  });

  it('raises InvalidAuthorizationMessageException for a broken or altered message', async () => {
    const developer = await webSession(SANDBOX_DEVELOPER);
    const message = encodedMessageOf((await runInstances(developer)).body);
    const flipped = `${message.slice(0, 40)}${message[40] === 'A' ? 'B' : 'A'}${message.slice(41)}`;
    const broken = [
      `${message.slice(0, 60)}\n${message.slice(60)}`,
      flipped,
      `${message}x`,
      'hello',
    ];
    for (const text of broken) {
      const f = await failure(decode(developer, text));
      expect(f.error).toBeInstanceOf(InvalidAuthorizationMessageException);
      expect(f.status).toBe(400);
    }
  });
});
