import { handleBrokerRequest, type BrokerResponse } from './broker.ts';
import { configFromEnv, type BrokerConfig } from './config.ts';
import { stdoutLog } from './log.ts';

/**
 * The AWS Lambda entry point (`handler.handler`), for a function URL or a CloudFront origin that
 * forwards to one: both deliver the function URL event (payload format 2.0).
 * https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html
 */
export interface FunctionUrlEvent {
  headers?: Record<string, string | undefined>;
  body?: string;
  isBase64Encoded?: boolean;
  requestContext: { requestId?: string; http: { method: string } };
}

export interface FunctionUrlResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

type Loaded = { config: BrokerConfig } | { problem: string };

let loaded: Loaded | undefined;

/** Read once per execution environment; a broken configuration is reported on every request. */
function loadConfig(): Loaded {
  try {
    return { config: configFromEnv(process.env) };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

function misconfigured(problem: string, requestId: string | undefined): BrokerResponse {
  // Configuration holds no secrets, so the problem itself can be logged for the operator.
  process.stdout.write(
    `${JSON.stringify({ event: 'console-broker', requestId, status: 500, outcome: 'failed', code: 'BrokerMisconfigured', problem })}\n`,
  );
  return {
    status: 500,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
    body: JSON.stringify({
      error: 'BrokerMisconfigured',
      message:
        'The console broker is not configured correctly, so it cannot open the console. Ask whoever runs it to read its log.',
    }),
  };
}

export async function handler(event: FunctionUrlEvent): Promise<FunctionUrlResult> {
  loaded ??= loadConfig();
  const requestId = event.requestContext.requestId;
  const raw = event.body ?? '';
  const body = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  const response =
    'problem' in loaded
      ? misconfigured(loaded.problem, requestId)
      : await handleBrokerRequest(
          { method: event.requestContext.http.method, headers: event.headers ?? {}, body },
          loaded.config,
          { fetch, now: Date.now, log: stdoutLog(requestId) },
        );
  return { statusCode: response.status, headers: response.headers, body: response.body };
}
