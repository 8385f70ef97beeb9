import type * as StsSdk from '@aws-sdk/client-sts';
import type {
  AssumeRoleWithWebIdentityInput,
  CallerIdentity,
  StsEndpoint,
  TemporaryCredentials,
  WebIdentitySession,
} from './types';
import { toStsProblem } from './sts-problem';

type StsModule = typeof StsSdk;

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
  assumeRoleWithWebIdentity(input: AssumeRoleWithWebIdentityInput): Promise<WebIdentitySession>;
  getCallerIdentity(
    credentials: TemporaryCredentials,
  ): Promise<CallerIdentity & { requestId?: string }>;
}

/**
 * The app's only door to AWS STS. Every failure is rethrown as a {@link StsProblem} that says
 * what happened and what to do.
 */
export function createStsGateway(target: StsEndpoint): StsGateway {
  const clientConfig = {
    region: target.region,
    ...(target.endpoint ? { endpoint: target.endpoint } : {}),
  };
  let unsignedClient: Promise<InstanceType<StsModule['STSClient']>> | undefined;

  const getUnsignedClient = () => {
    // AssumeRoleWithWebIdentity is unsigned (smithy.api#noAuth): the client needs no credentials.
    unsignedClient ??= preloadSts().then(({ STSClient }) => new STSClient(clientConfig));
    return unsignedClient;
  };

  return {
    async assumeRoleWithWebIdentity(input) {
      const [{ AssumeRoleWithWebIdentityCommand }, client] = await Promise.all([
        preloadSts(),
        getUnsignedClient(),
      ]);
      try {
        const output = await client.send(
          new AssumeRoleWithWebIdentityCommand({
            RoleArn: input.roleArn,
            RoleSessionName: input.roleSessionName,
            WebIdentityToken: input.webIdentityToken,
            DurationSeconds: input.durationSeconds,
          }),
        );
        const credentials = output.Credentials;
        const user = output.AssumedRoleUser;
        if (
          !credentials?.AccessKeyId ||
          !credentials.SecretAccessKey ||
          !credentials.SessionToken ||
          !credentials.Expiration ||
          !user?.Arn ||
          !user.AssumedRoleId
        ) {
          throw new Error('STS answered without credentials');
        }
        return {
          credentials: {
            accessKeyId: credentials.AccessKeyId,
            secretAccessKey: credentials.SecretAccessKey,
            sessionToken: credentials.SessionToken,
            expiresAt: credentials.Expiration.getTime(),
          },
          assumedRoleArn: user.Arn,
          assumedRoleId: user.AssumedRoleId,
          subject: output.SubjectFromWebIdentityToken,
          audience: output.Audience,
          provider: output.Provider,
          sourceIdentity: output.SourceIdentity,
          packedPolicySize: output.PackedPolicySize,
          requestId: output.$metadata.requestId,
        };
      } catch (error) {
        throw toStsProblem(error, {
          action: 'AssumeRoleWithWebIdentity',
          roleArn: input.roleArn,
          endpoint: describeEndpoint(target),
        });
      }
    },

    async getCallerIdentity(credentials) {
      const { STSClient, GetCallerIdentityCommand } = await preloadSts();
      const client = new STSClient({
        ...clientConfig,
        credentials: {
          accessKeyId: credentials.accessKeyId,
          secretAccessKey: credentials.secretAccessKey,
          sessionToken: credentials.sessionToken,
          expiration: new Date(credentials.expiresAt),
        },
      });
      try {
        const output = await client.send(new GetCallerIdentityCommand({}));
        if (!output.Account || !output.Arn || !output.UserId)
          throw new Error('STS answered without an identity');
        return {
          account: output.Account,
          arn: output.Arn,
          userId: output.UserId,
          requestId: output.$metadata.requestId,
        };
      } catch (error) {
        throw toStsProblem(error, {
          action: 'GetCallerIdentity',
          endpoint: describeEndpoint(target),
        });
      } finally {
        client.destroy();
      }
    },
  };
}

function describeEndpoint(target: StsEndpoint): string {
  return target.endpoint ?? `https://sts.${target.region}.amazonaws.com`;
}
