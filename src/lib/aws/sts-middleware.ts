import type { MiddlewareStack } from '@smithy/types';
import { redactFormBody, redactHeaders, redactXml } from '../../utils/redact';
import type { ExchangeListener, RawMessage, StsExchange } from './exchange';

/** Structured redaction of one recorded message: secret headers, form fields and XML elements. */
function redactMessage(message: RawMessage, kind: 'form' | 'xml'): RawMessage {
  return {
    headers: redactHeaders(message.headers),
    body: kind === 'form' ? redactFormBody(message.body) : redactXml(message.body),
  };
}
import { clockOffsetFromDateHeader } from './server-clock';

// Middleware for the SDK's STS commands: what the gateway learns from the wire. It is added to
// each command, not to the client, so that a client reused for many calls tells them apart.

/** An SDK command (or client): anything with a middleware stack. */
export interface WithMiddleware<Input extends object, Output extends object> {
  middlewareStack: MiddlewareStack<Input, Output>;
}

type WithHeaders = { headers?: Record<string, string | undefined> } | undefined;

/**
 * Reads the `Date` header of the command's response (readable cross-origin only when exposed),
 * refusals included: the SDK hangs the response on the error it throws as `$response`.
 */
export function watchServerClock<I extends object, O extends object>(
  command: WithMiddleware<I, O>,
): { offsetMs(): number } {
  let offsetMs = 0;
  const read = (response: WithHeaders) => {
    offsetMs = clockOffsetFromDateHeader(response?.headers?.date, Date.now());
  };
  command.middlewareStack.add(
    (next) => async (args) => {
      try {
        const result = await next(args);
        read(result.response as WithHeaders);
        return result;
      } catch (error) {
        if (typeof error === 'object' && error !== null && '$response' in error) {
          read(error.$response as WithHeaders);
        }
        throw error;
      }
    },
    { step: 'deserialize', name: 'rolecallServerClock' },
  );
  return { offsetMs: () => offsetMs };
}

interface WireRequest {
  method: string;
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
  headers: Record<string, string>;
  body?: unknown;
}

interface WireResponse {
  statusCode: number;
  headers: Record<string, string>;
  body?: unknown;
}

/**
 * Records the request and response as sent and received, redacted, for the training view. Sits
 * innermost in the deserialize step, so it sees the raw response before the SDK parses it; the
 * body it reads is handed on as bytes, which the SDK's body collector accepts.
 */
export function recordExchanges<I extends object, O extends object>(
  command: WithMiddleware<I, O>,
  about: Pick<StsExchange, 'action' | 'roleArn'> & { nextId: () => number },
  onExchange: ExchangeListener,
): void {
  command.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as WireRequest;
      const port = request.port ? `:${request.port}` : '';
      // Each attempt (the SDK retries) is an exchange of its own.
      const exchange: StsExchange = {
        id: about.nextId(),
        action: about.action,
        roleArn: about.roleArn,
        startedAt: Date.now(),
        request: {
          method: request.method,
          url: `${request.protocol}//${request.hostname}${port}${request.path}`,
          ...redactMessage(
            {
              headers: { ...request.headers },
              body: typeof request.body === 'string' ? request.body : '',
            },
            'form',
          ),
        },
      };
      try {
        const result = await next(args);
        const receivedAt = Date.now();
        const response = result.response as WireResponse;
        const bytes = response.body
          ? new Uint8Array(
              await new Response(
                response.body as ConstructorParameters<typeof Response>[0],
              ).arrayBuffer(),
            )
          : new Uint8Array();
        response.body = bytes;
        exchange.response = {
          status: response.statusCode,
          receivedAt,
          ...redactMessage(
            { headers: { ...response.headers }, body: new TextDecoder().decode(bytes) },
            'xml',
          ),
        };
        return result;
      } finally {
        onExchange(exchange);
      }
    },
    { step: 'deserialize', priority: 'low', name: 'rolecallExchangeRecorder' },
  );
}
