import type { ExchangeListener } from './exchange';
import type * as SdkGateway from './sts-sdk-gateway';
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

/** How one call may be stopped by the person: an aborted signal ends it with {@link StsCallCancelled}. */
export interface StsCallOptions {
  signal?: AbortSignal;
}

/** The person stopped the call: nothing it would have returned was kept. */
export class StsCallCancelled extends Error {
  override name = 'StsCallCancelled';
  constructor(action: string) {
    super(`${action} was cancelled`);
  }
}

export interface StsGateway {
  /** Unsigned: trades the ID token for role credentials. */
  assumeRoleWithWebIdentity(
    input: AssumeRoleWithWebIdentityInput,
    options?: StsCallOptions,
  ): Promise<WebIdentitySession>;
  /** Signed with `credentials`: role chaining. */
  assumeRole(
    credentials: TemporaryCredentials,
    input: AssumeRoleInput,
    options?: StsCallOptions,
  ): Promise<RoleCredentials>;
  /** `roleArn` names the role the credentials are for, in the exchange journal. */
  getCallerIdentity(
    credentials: TemporaryCredentials,
    roleArn?: string,
    options?: StsCallOptions,
  ): Promise<{ identity: CallerIdentity; call: StsCall }>;
  /** Signed with `credentials`: the account that owns an access key id (support). */
  getAccessKeyInfo(
    credentials: TemporaryCredentials,
    accessKeyId: string,
  ): Promise<{ account: string; call: StsCall }>;
  /** Signed with `credentials`: the JSON behind an encoded authorization failure message. */
  decodeAuthorizationMessage(
    credentials: TemporaryCredentials,
    encodedMessage: string,
  ): Promise<{ decoded: string; call: StsCall }>;
  /**
   * Lets go of everything kept for these credentials: the SDK client signing with them and the
   * signing keys the SDK derived from them. Call it when the credentials are dropped.
   */
  forget(credentials: TemporaryCredentials): void;
  /** {@link StsGateway.forget} for every credential set it was given (sign-out). */
  forgetAll(): void;
}

export interface StsGatewayOptions {
  onExchange?: ExchangeListener;
  /** How long one call may take, retries included, before the person is told. Default 15 s. */
  requestTimeoutMs?: number;
}

let sdkGateway: Promise<typeof SdkGateway> | undefined;

/**
 * Starts downloading the AWS SDK (with the gateway's half that uses it). It is not needed on the
 * signed-out page, so it is loaded on demand; call this as soon as a sign-in callback begins so the
 * person never waits for it.
 */
export function preloadSts(): Promise<typeof SdkGateway> {
  sdkGateway ??= import('./sts-sdk-gateway');
  return sdkGateway;
}

/**
 * The app's only door to AWS STS. Every failure is rethrown as an explained STS error that says
 * what happened and what to do. One SDK client serves every unsigned call, and one per credential
 * set serves the calls signed with it, until {@link StsGateway.forget}.
 */
export function createStsGateway(target: StsEndpoint, options: StsGatewayOptions = {}): StsGateway {
  let loading: Promise<StsGateway> | undefined;
  // Set once loaded: credentials only ever come from calls made through it.
  let loaded: StsGateway | undefined;
  const gateway = () =>
    (loading ??= preloadSts().then((module) => {
      loaded = module.createSdkGateway(target, options);
      return loaded;
    }));
  return {
    assumeRoleWithWebIdentity: async (input, callOptions) =>
      (await gateway()).assumeRoleWithWebIdentity(input, callOptions),
    assumeRole: async (credentials, input, callOptions) =>
      (await gateway()).assumeRole(credentials, input, callOptions),
    getCallerIdentity: async (credentials, roleArn, callOptions) =>
      (await gateway()).getCallerIdentity(credentials, roleArn, callOptions),
    getAccessKeyInfo: async (credentials, accessKeyId) =>
      (await gateway()).getAccessKeyInfo(credentials, accessKeyId),
    decodeAuthorizationMessage: async (credentials, encodedMessage) =>
      (await gateway()).decodeAuthorizationMessage(credentials, encodedMessage),
    forget: (credentials) => loaded?.forget(credentials),
    forgetAll: () => loaded?.forgetAll(),
  };
}
