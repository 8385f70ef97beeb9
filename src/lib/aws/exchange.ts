/**
 * One STS request and its response as they crossed the wire, for the training view. Secrets are
 * redacted before an exchange is recorded (the web identity token, the request signature and
 * session token, the secret access key and session token in responses): nothing secret is kept.
 */
export interface StsExchange {
  id: number;
  action: string;
  startedAt: number;
  roleArn?: string;
  request: RawMessage & { method: string; url: string };
  /** Missing when no response arrived (network failure). */
  response?: RawMessage & { status: number; receivedAt: number };
}

export interface RawMessage {
  headers: Record<string, string>;
  body: string;
}

export type ExchangeListener = (exchange: StsExchange) => void;
