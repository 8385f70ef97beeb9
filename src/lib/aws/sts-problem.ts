import { ExplainedError } from '../../utils/explained-error';
import { explainStsError } from './sts-errors';

export interface ProblemContext {
  action: string;
  endpoint: string;
  roleArn?: string;
  /** What the gateway knows about the time of the call, for an expiry to be judged by. */
  sentAt?: number;
  serverClockAheadMs?: number;
  tokenExpiresAt?: number;
}

interface SdkErrorShape {
  name?: string;
  message?: string;
  Code?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

/** Turns whatever the SDK threw into an explained STS failure, from the STS error catalogue. */
export function toStsProblem(error: unknown, context: ProblemContext): ExplainedError {
  if (error instanceof ExplainedError) return error;
  const shape: SdkErrorShape = typeof error === 'object' && error !== null ? error : {};
  const status = shape.$metadata?.httpStatusCode;
  const network = status === undefined && isNetworkFailure(error);
  const explained = explainStsError({
    code: network ? 'NetworkError' : (shape.Code ?? shape.name ?? 'UnknownError'),
    action: context.action,
    said: network ? undefined : shape.message,
    status,
    endpoint: context.endpoint,
    roleArn: context.roleArn,
    sentAt: context.sentAt,
    serverClockAheadMs: context.serverClockAheadMs,
    tokenExpiresAt: context.tokenExpiresAt,
  });
  return new ExplainedError({
    source: 'sts',
    operation: context.action,
    code: explained.code,
    title: explained.title,
    hint: explained.hint,
    retryable: explained.retryable,
    said: shape.message,
    status,
    requestId: shape.$metadata?.requestId,
  });
}

/** A connection that broke off (Node's words; a browser says "Failed to fetch" for it too). */
export const DROPPED_CONNECTION = /ECONNRESET|EPIPE|socket hang up/;

function isNetworkFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  // Only the browsers' own wording for a failed fetch: any other TypeError is a bug, not the network.
  return (
    /Failed to fetch|NetworkError when attempting to fetch|Load failed|ECONNREFUSED|fetch failed/i.test(
      error.message,
    ) || DROPPED_CONNECTION.test(error.message)
  );
}
