import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';

/**
 * Who a set of credentials belongs to, asked of the demo STS the way any AWS client would: a
 * GetCallerIdentity call signed with them. It fails for credentials the STS never issued, a wrong
 * secret or session token, and expired credentials, with the STS's own error code.
 */
export interface Identity {
  arn: string;
  account: string;
  userId: string;
}

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

/** The STS turned the credentials down: `code` is its wire code, e.g. ExpiredToken. */
export class CredentialsRefused extends Error {
  override name = 'CredentialsRefused';

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class StsUnavailable extends Error {
  override name = 'StsUnavailable';
}

function httpStatus(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
}

export async function callerIdentity(stsUrl: string, credentials: Credentials): Promise<Identity> {
  // Two attempts: the SDK corrects its clock from the STS's Date header and retries once, so the
  // demo's clock-offset fault does not lock trainers out of the console.
  const client = new STSClient({
    endpoint: stsUrl,
    region: 'us-east-1',
    credentials,
    maxAttempts: 2,
  });
  try {
    const { Arn, Account, UserId } = await client.send(new GetCallerIdentityCommand({}));
    if (!Arn || !Account || !UserId)
      throw new StsUnavailable('GetCallerIdentity answered no identity');
    return { arn: Arn, account: Account, userId: UserId };
  } catch (error) {
    const status = httpStatus(error);
    if (status !== undefined && status >= 400 && status < 500 && error instanceof Error) {
      throw new CredentialsRefused(error.name, error.message);
    }
    throw error instanceof StsUnavailable
      ? error
      : new StsUnavailable('The demo STS did not answer');
  } finally {
    client.destroy();
  }
}
