import type * as StsSdk from '@aws-sdk/client-sts';
import type { ExchangeListener } from './exchange';
import { recordExchanges, watchServerClock } from './sts-middleware';
import { toStsProblem } from './sts-problem';
import type {
  AssumeRoleInput,
  AssumeRoleWithWebIdentityInput,
  CallerIdentity,
  RoleCredentials,
  StsCall,
  StsEndpoint,
  TemporaryCredentials,
  WebIdentitySession,
} from './types';

type StsModule = typeof StsSdk;
type StsClient = InstanceType<StsModule['STSClient']>;

let sdk: Promise<StsModule> | undefined;

/**
 * Starts downloading the AWS SDK. It is not needed on the signed-out page, so it is loaded on
 * demand; call this as soon as a sign-in callback begins so the person never waits for it.
 */
export function preloadSts(): Promise<StsModule> {
  sdk ??= import('@aws-sdk/client-sts');
  return sdk;
}

export interface StsGateway {
  /** Unsigned: trades the ID token for role credentials. */
  assumeRoleWithWebIdentity(input: AssumeRoleWithWebIdentityInput): Promise<WebIdentitySession>;
  /** Signed with `credentials`: role chaining. */
  assumeRole(credentials: TemporaryCredentials, input: AssumeRoleInput): Promise<RoleCredentials>;
  /** `roleArn` names the role the credentials are for, in the exchange journal. */
  getCallerIdentity(
    credentials: TemporaryCredentials,
    roleArn?: string,
  ): Promise<{ identity: CallerIdentity; call: StsCall }>;
}

/**
 * The app's only door to AWS STS. Every failure is rethrown as a {@link StsProblem} that says
 * what happened and what to do.
 */
export function createStsGateway(
  target: StsEndpoint,
  options: { onExchange?: ExchangeListener } = {},
): StsGateway {
  let exchangeCount = 0;
  const nextExchangeId = () => (exchangeCount += 1);
  // The SDK learns AWS's clock offset from a skew error and corrects its signatures; clients are
  // made per call, so the lesson is carried from one to the next here.
  let systemClockOffset = 0;
  const endpoint = target.endpoint ?? `https://sts.${target.region}.amazonaws.com`;

  const newClient = async (credentials?: TemporaryCredentials) => {
    const { STSClient } = await preloadSts();
    // Without credentials the client can only make unsigned calls (smithy.api#noAuth), which is
    // all AssumeRoleWithWebIdentity needs.
    return new STSClient({
      region: target.region,
      ...(target.endpoint ? { endpoint: target.endpoint } : {}),
      ...(credentials ? { credentials: toSdkCredentials(credentials) } : {}),
      systemClockOffset,
    });
  };

  const call = async <T>(
    action: string,
    credentials: TemporaryCredentials | undefined,
    roleArn: string | undefined,
    send: (client: StsClient, sdk: StsModule) => Promise<T>,
  ): Promise<{ output: T; call: StsCall }> => {
    const [client, module] = await Promise.all([newClient(credentials), preloadSts()]);
    const clock = watchServerClock(client);
    if (options.onExchange) {
      recordExchanges(client, { nextId: nextExchangeId, action, roleArn }, options.onExchange);
    }
    try {
      const output = await send(client, module);
      const requestId = (output as { $metadata?: { requestId?: string } }).$metadata?.requestId;
      return { output, call: { action, requestId, clockOffsetMs: clock.offsetMs() } };
    } catch (error) {
      throw toStsProblem(error, { action, roleArn, endpoint });
    } finally {
      systemClockOffset = client.config.systemClockOffset;
      client.destroy();
    }
  };

  return {
    async assumeRoleWithWebIdentity(input) {
      const { output, call: made } = await call(
        'AssumeRoleWithWebIdentity',
        undefined,
        input.roleArn,
        (client, { AssumeRoleWithWebIdentityCommand }) =>
          client.send(
            new AssumeRoleWithWebIdentityCommand({
              RoleArn: input.roleArn,
              RoleSessionName: input.roleSessionName,
              WebIdentityToken: input.webIdentityToken,
              DurationSeconds: input.durationSeconds,
            }),
          ),
      );
      return {
        ...readRoleCredentials(output, made),
        subject: output.SubjectFromWebIdentityToken,
        audience: output.Audience,
        provider: output.Provider,
      };
    },

    async assumeRole(credentials, input) {
      const { output, call: made } = await call(
        'AssumeRole',
        credentials,
        input.roleArn,
        (client, { AssumeRoleCommand }) =>
          client.send(
            new AssumeRoleCommand({
              RoleArn: input.roleArn,
              RoleSessionName: input.roleSessionName,
              DurationSeconds: input.durationSeconds,
              ExternalId: input.externalId,
            }),
          ),
      );
      return readRoleCredentials(output, made);
    },

    async getCallerIdentity(credentials, roleArn) {
      const { output, call: made } = await call(
        'GetCallerIdentity',
        credentials,
        roleArn,
        (client, { GetCallerIdentityCommand }) => client.send(new GetCallerIdentityCommand({})),
      );
      if (!output.Account || !output.Arn || !output.UserId) {
        throw toStsProblem(new Error('STS answered without an identity'), {
          action: 'GetCallerIdentity',
          endpoint,
        });
      }
      return {
        identity: { account: output.Account, arn: output.Arn, userId: output.UserId },
        call: made,
      };
    },
  };
}

interface AssumeOutput {
  Credentials?: {
    AccessKeyId?: string;
    SecretAccessKey?: string;
    SessionToken?: string;
    Expiration?: Date;
  };
  AssumedRoleUser?: { Arn?: string; AssumedRoleId?: string };
  SourceIdentity?: string;
  PackedPolicySize?: number;
}

function readRoleCredentials(output: AssumeOutput, call: StsCall): RoleCredentials {
  const { Credentials: c, AssumedRoleUser: user } = output;
  if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration) {
    throw new Error(`STS answered ${call.action} without credentials`);
  }
  if (!user?.Arn || !user.AssumedRoleId) {
    throw new Error(`STS answered ${call.action} without the assumed role`);
  }
  return {
    credentials: {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
      expiresAt: c.Expiration.getTime(),
    },
    assumedRoleArn: user.Arn,
    assumedRoleId: user.AssumedRoleId,
    sourceIdentity: output.SourceIdentity,
    packedPolicySize: output.PackedPolicySize,
    call,
  };
}

function toSdkCredentials(credentials: TemporaryCredentials) {
  return {
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    sessionToken: credentials.sessionToken,
    expiration: new Date(credentials.expiresAt),
  };
}
