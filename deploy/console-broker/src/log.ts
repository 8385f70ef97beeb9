import type { BrokerErrorCode } from './errors.ts';

/**
 * One log line per request, built from an allowlist of fields: no access key id, secret, session
 * token, sign-in token or login URL can reach the log, because there is no field to put them in.
 * Refusal messages are not logged either (they may echo what the caller sent).
 */
export interface LogEntry {
  event: 'console-broker';
  status: number;
  outcome: 'login-url' | 'refused' | 'failed';
  code?: BrokerErrorCode;
  origin?: string;
  destination?: string;
  region?: string;
  chained?: boolean;
  sessionDurationSeconds?: number;
  /** For unexpected failures: the error's class name (its message could quote anything). */
  errorName?: string;
}

export type Log = (entry: LogEntry) => void;

const MAX_ORIGIN_LENGTH = 200;

/** Origins are the caller's own text when refused: keep them short. */
export function loggableOrigin(origin: string | undefined): string | undefined {
  return origin === undefined ? undefined : origin.slice(0, MAX_ORIGIN_LENGTH);
}

/** JSON lines on standard output: what Lambda sends to CloudWatch Logs. */
export function stdoutLog(requestId?: string): Log {
  return (entry) => {
    process.stdout.write(`${JSON.stringify({ requestId, ...entry })}\n`);
  };
}
