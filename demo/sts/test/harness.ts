import { STSClient, type Credentials, type STSClientConfig } from '@aws-sdk/client-sts';
import { startSts, type RunningSts, type StsOptions } from '../server.ts';
import { startFakeIssuer, type FakeIssuer } from './fake-issuer.ts';

/**
 * Integration-test setup: a fake issuer, the STS configured for it (the real demo data file unless
 * told otherwise, so `{{idp}}` resolves to the fake issuer), and real SDK clients.
 */
export interface Harness {
  sts: RunningSts;
  idp: FakeIssuer;
  /** An SDK client; without credentials for the unsigned AssumeRoleWithWebIdentity. */
  client(config?: Partial<STSClientConfig>): STSClient;
  admin(path: string, body?: unknown): Promise<unknown>;
  close(): Promise<void>;
}

// The SDK warns once per process that it will need Node 22 from 2027; tests stay quiet.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

export async function startHarness(options: Partial<StsOptions> = {}): Promise<Harness> {
  const idp = await startFakeIssuer();
  const sts = await startSts({ port: 0, issuer: idp.issuer, idpTimeoutMs: 500, ...options });
  const clients: STSClient[] = [];
  return {
    sts,
    idp,
    client(config = {}) {
      const client = new STSClient({
        endpoint: sts.url,
        region: 'us-east-1',
        maxAttempts: 1,
        ...config,
      });
      clients.push(client);
      return client;
    },
    async admin(path, body) {
      const response = await fetch(`${sts.url}/__admin/${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return response.json();
    },
    async close() {
      for (const client of clients) client.destroy();
      await sts.close();
      await idp.close();
    },
  };
}

export const SANDBOX_DEVELOPER = 'arn:aws:iam::111111111111:role/Developer';
export const SANDBOX_ADMIN = 'arn:aws:iam::111111111111:role/Admin';
export const SANDBOX_MISCONFIGURED = 'arn:aws:iam::111111111111:role/MisconfiguredTrust';
export const PRODUCTION_READONLY = 'arn:aws:iam::222222222222:role/ReadOnly';
export const PRODUCTION_DEPLOYER = 'arn:aws:iam::222222222222:role/ci/Deployer';
export const AUDIT_AUDITOR = 'arn:aws:iam::333333333333:role/Auditor';

/** Alice's claims in demo/data/users.json that matter to STS. */
export const ALICE_CLAIMS = {
  sub: 'user-alice',
  'https://aws.amazon.com/source_identity': 'alice',
  'https://aws.amazon.com/tags': {
    principal_tags: { Team: ['platform'], CostCenter: ['cc-1234'] },
    transitive_tag_keys: ['Team'],
  },
};

export interface StsFailure {
  /** The SDK's exception name: the modelled class name, or the wire code when unmodelled. */
  name: string;
  /** The wire `<Code>`. */
  code: unknown;
  message: string;
  status: number | undefined;
  error: unknown;
}

/** Awaits a call that must fail and returns what the SDK made of the error. */
export async function failure(call: Promise<unknown>): Promise<StsFailure> {
  try {
    await call;
  } catch (error) {
    const e = error as Error & { Code?: unknown; $metadata?: { httpStatusCode?: number } };
    return {
      name: e.name,
      code: e.Code,
      message: e.message,
      status: e.$metadata?.httpStatusCode,
      error,
    };
  }
  throw new Error('Expected the call to fail');
}

/** SDK credentials from the Credentials element of an STS answer. */
export function keysOf(credentials: Credentials | undefined) {
  if (!credentials?.AccessKeyId || !credentials.SecretAccessKey) {
    throw new Error('No credentials in the answer');
  }
  return {
    accessKeyId: credentials.AccessKeyId,
    secretAccessKey: credentials.SecretAccessKey,
    sessionToken: credentials.SessionToken,
  };
}

/** The demo IAM user of the sandbox account (demo/data/aws.json). */
export const TRAINER = {
  accessKeyId: 'AKIAQSANDBOXTRAINER1',
  secretAccessKey: 'demoTrainerSecretKeyDoNotUseAnywhere0001',
  mfaSerial: 'arn:aws:iam::111111111111:mfa/trainer',
  mfaSecret: 'JBSWY3DPEHPK3PXP',
};
