import {
  AssumeRoleCommand,
  AssumeRoleWithWebIdentityCommand,
  DecodeAuthorizationMessageCommand,
  GetAccessKeyInfoCommand,
  GetCallerIdentityCommand,
  STSClient,
} from '@aws-sdk/client-sts';
import { Sha256Js } from '@smithy/core/checksum';
import { clearCredentialCache } from '@smithy/signature-v4';
import { StsCallCancelled, type StsGateway, type StsGatewayOptions } from './sts-gateway';
import { recordExchanges, watchServerClock, type WithMiddleware } from './sts-middleware';
import { stsEndpointOf } from '../../utils/aws-partition';
import { tokenFacts } from '../../utils/claims';
import type { ExplainedError } from '../../utils/explained-error';
import { DROPPED_CONNECTION, toStsProblem } from './sts-problem';
import type { RoleCredentials, StsCall, StsEndpoint, TemporaryCredentials } from './types';

// The gateway's half that uses the AWS SDK, loaded with it on demand (see sts-gateway.ts).

export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;

interface Held {
  credentials: TemporaryCredentials;
  client: STSClient;
}

export function createSdkGateway(target: StsEndpoint, options: StsGatewayOptions): StsGateway {
  let exchangeCount = 0;
  const nextExchangeId = () => (exchangeCount += 1);
  // The SDK learns AWS's clock offset from a skew error and corrects its signatures: the lesson
  // is handed to every client, including those made later.
  let systemClockOffset = 0;
  const endpoint = stsEndpointOf(target);
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;

  const newClient = (credentials?: TemporaryCredentials) =>
    new STSClient({
      region: target.region,
      ...(target.endpoint ? { endpoint: target.endpoint } : {}),
      // Without credentials the client can only make unsigned calls (smithy.api#noAuth), which
      // is all AssumeRoleWithWebIdentity needs.
      ...(credentials ? { credentials: toSdkCredentials(credentials) } : {}),
      systemClockOffset,
      // A request is a few hundred bytes: hashing them in JavaScript is quicker than the dozen
      // asynchronous WebCrypto round trips one signature costs with the browser default.
      sha256: Sha256Js,
      requestHandler: { requestTimeout: timeoutMs },
    });

  let unsigned: STSClient | undefined;
  // By access key id: one client (and the signer inside it) per credential set.
  const signed = new Map<string, Held>();

  const drop = (accessKeyId: string) => {
    signed.get(accessKeyId)?.client.destroy();
    signed.delete(accessKeyId);
  };

  // Credentials nobody forgot (a session ended while it was being assumed) go once they expire.
  const dropExpired = () => {
    const now = Date.now();
    const expired = [...signed].filter(([, held]) => held.credentials.expiresAt <= now);
    expired.forEach(([accessKeyId]) => drop(accessKeyId));
    if (expired.length > 0) clearCredentialCache();
  };

  const clientFor = (credentials: TemporaryCredentials | undefined): STSClient => {
    if (!credentials) return (unsigned ??= newClient());
    const held = signed.get(credentials.accessKeyId);
    if (held && sameCredentials(held.credentials, credentials)) return held.client;
    drop(credentials.accessKeyId);
    dropExpired();
    const client = newClient(credentials);
    signed.set(credentials.accessKeyId, { credentials, client });
    return client;
  };

  const call = async <I extends object, O extends object, T>(
    action: string,
    credentials: TemporaryCredentials | undefined,
    roleArn: string | undefined,
    command: WithMiddleware<I, O>,
    send: (client: STSClient, options: { abortSignal: AbortSignal }) => Promise<T>,
    { cancel, webIdentityToken }: { cancel?: AbortSignal; webIdentityToken?: string } = {},
  ): Promise<{ output: T; call: StsCall }> => {
    if (cancel?.aborted) throw new StsCallCancelled(action);
    const sentAt = Date.now();
    const client = clientFor(credentials);
    client.config.systemClockOffset = systemClockOffset;
    const clock = watchServerClock(command);
    if (options.onExchange) {
      recordExchanges(command, { nextId: nextExchangeId, action, roleArn }, options.onExchange);
    }
    // One deadline for the whole call: the SDK's own retries must not multiply it.
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), timeoutMs);
    // The person's Cancel stops the same request the deadline would.
    const onCancel = () => deadline.abort();
    cancel?.addEventListener('abort', onCancel, { once: true });
    try {
      const output = await send(client, { abortSignal: deadline.signal });
      const requestId = (output as { $metadata?: { requestId?: string } }).$metadata?.requestId;
      return { output, call: { action, requestId, clockOffsetMs: clock.offsetMs() } };
    } catch (error) {
      if (cancel?.aborted) throw new StsCallCancelled(action);
      if (deadline.signal.aborted || isTimeout(error)) {
        throw timeoutProblem(action, endpoint, timeoutMs);
      }
      throw toStsProblem(error, {
        action,
        roleArn,
        endpoint,
        sentAt,
        serverClockAheadMs: clock.offsetMs(),
        // An expired token may be a clock set wrong: its expiry tells which.
        tokenExpiresAt: webIdentityToken ? tokenFacts(webIdentityToken).expiresAt : undefined,
      });
    } finally {
      clearTimeout(timer);
      cancel?.removeEventListener('abort', onCancel);
      systemClockOffset = client.config.systemClockOffset;
    }
  };

  const forget = (credentials: TemporaryCredentials) => {
    drop(credentials.accessKeyId);
    // The SDK keeps derived signing keys in a module-level cache keyed by the session token. It
    // cannot drop one entry: every set's keys go, and are derived again when next needed.
    clearCredentialCache();
  };

  return {
    async assumeRoleWithWebIdentity(input, callOptions) {
      const command = new AssumeRoleWithWebIdentityCommand({
        RoleArn: input.roleArn,
        RoleSessionName: input.roleSessionName,
        WebIdentityToken: input.webIdentityToken,
        DurationSeconds: input.durationSeconds,
      });
      const { output, call: made } = await call(
        'AssumeRoleWithWebIdentity',
        undefined,
        input.roleArn,
        command,
        (client, sendOptions) => client.send(command, sendOptions),
        { cancel: callOptions?.signal, webIdentityToken: input.webIdentityToken },
      );
      return {
        ...readRoleCredentials(output, made),
        subject: output.SubjectFromWebIdentityToken,
        audience: output.Audience,
        provider: output.Provider,
      };
    },

    async assumeRole(credentials, input, callOptions) {
      const command = new AssumeRoleCommand({
        RoleArn: input.roleArn,
        RoleSessionName: input.roleSessionName,
        DurationSeconds: input.durationSeconds,
        ExternalId: input.externalId,
      });
      const { output, call: made } = await call(
        'AssumeRole',
        credentials,
        input.roleArn,
        command,
        (client, sendOptions) => client.send(command, sendOptions),
        { cancel: callOptions?.signal },
      );
      return readRoleCredentials(output, made);
    },

    async getCallerIdentity(credentials, roleArn, callOptions) {
      const command = new GetCallerIdentityCommand({});
      const { output, call: made } = await call(
        'GetCallerIdentity',
        credentials,
        roleArn,
        command,
        (client, sendOptions) => client.send(command, sendOptions),
        { cancel: callOptions?.signal },
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

    async getAccessKeyInfo(credentials, accessKeyId) {
      const command = new GetAccessKeyInfoCommand({ AccessKeyId: accessKeyId });
      const { output, call: made } = await call(
        'GetAccessKeyInfo',
        credentials,
        undefined,
        command,
        (client, sendOptions) => client.send(command, sendOptions),
      );
      if (!output.Account) {
        throw toStsProblem(new Error('STS answered without an account'), {
          action: 'GetAccessKeyInfo',
          endpoint,
        });
      }
      return { account: output.Account, call: made };
    },

    async decodeAuthorizationMessage(credentials, encodedMessage) {
      const command = new DecodeAuthorizationMessageCommand({ EncodedMessage: encodedMessage });
      const { output, call: made } = await call(
        'DecodeAuthorizationMessage',
        credentials,
        undefined,
        command,
        (client, sendOptions) => client.send(command, sendOptions),
      );
      if (output.DecodedMessage === undefined) {
        throw toStsProblem(new Error('STS answered without a decoded message'), {
          action: 'DecodeAuthorizationMessage',
          endpoint,
        });
      }
      return { decoded: output.DecodedMessage, call: made };
    },

    forget,

    forgetAll() {
      [...signed.keys()].forEach(drop);
      clearCredentialCache();
    },
  };
}

function timeoutProblem(action: string, endpoint: string, timeoutMs: number): ExplainedError {
  const seconds = Math.max(1, Math.round(timeoutMs / 1000));
  const timeout = Object.assign(new Error(`No answer within ${seconds} s`), {
    name: 'RequestTimeout',
  });
  return toStsProblem(timeout, { action, endpoint });
}

function isTimeout(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  // Node's handler names a dropped connection TimeoutError too (so that the SDK retries it): that
  // is the network failing, not STS being slow.
  if (DROPPED_CONNECTION.test(error.message)) return false;
  return error.name === 'TimeoutError' || error.name === 'AbortError';
}

const sameCredentials = (a: TemporaryCredentials, b: TemporaryCredentials) =>
  a.secretAccessKey === b.secretAccessKey && a.sessionToken === b.sessionToken;

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
