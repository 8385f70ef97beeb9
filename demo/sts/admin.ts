import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallLog } from './calls.ts';
import { FaultInputError, NO_FAULTS, parseFaults, type Faults } from './faults.ts';
import { BodyTooLargeError, isLoopback, readBody, sendJson } from './http.ts';

/**
 * The local admin endpoints, for tests and trainers. They answer loopback callers only.
 *
 *   GET  /__admin/health         {"ok": true}
 *   GET  /__admin/faults         the current faults
 *   POST /__admin/faults         set some faults: {"latencyMs": 800, "unavailable": "503", "clockOffsetSeconds": 1200}
 *   POST /__admin/reset          no faults, empty call log
 *   GET  /__admin/calls          {"count": n, "calls": [{action, roleArn, time, requestId, status, errorCode}]}
 *   POST /__admin/calls/reset    empty call log
 */
export interface AdminState {
  faults: Faults;
  calls: CallLog;
}

export const ADMIN_PREFIX = '/__admin/';

async function readJson(request: IncomingMessage): Promise<unknown> {
  const text = (await readBody(request)).toString('utf8');
  return text.trim() === '' ? {} : JSON.parse(text);
}

export async function handleAdmin(
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  state: AdminState,
): Promise<void> {
  if (!isLoopback(request)) {
    sendJson(response, 403, { error: 'The admin endpoints answer loopback callers only.' });
    return;
  }
  // A browser on this machine is a loopback caller too, and any page it shows could send a simple
  // cross-site POST; browsers mark those with Origin, which command-line tools and tests do not send.
  if (request.headers.origin !== undefined) {
    sendJson(response, 403, { error: 'The admin endpoints do not answer web pages.' });
    return;
  }
  const route = `${request.method ?? 'GET'} ${path}`;
  try {
    switch (route) {
      case 'GET /__admin/health':
        return sendJson(response, 200, { ok: true });
      case 'GET /__admin/faults':
        return sendJson(response, 200, state.faults);
      case 'POST /__admin/faults':
        state.faults = { ...state.faults, ...parseFaults(await readJson(request)) };
        return sendJson(response, 200, state.faults);
      case 'POST /__admin/reset':
        state.faults = { ...NO_FAULTS };
        state.calls.reset();
        return sendJson(response, 200, { faults: state.faults, calls: state.calls.snapshot() });
      case 'GET /__admin/calls':
        return sendJson(response, 200, state.calls.snapshot());
      case 'POST /__admin/calls/reset':
        state.calls.reset();
        return sendJson(response, 200, state.calls.snapshot());
      default:
        return sendJson(response, 404, { error: `No admin endpoint ${route}` });
    }
  } catch (error) {
    if (error instanceof FaultInputError || error instanceof SyntaxError) {
      return sendJson(response, 400, { error: error.message });
    }
    if (error instanceof BodyTooLargeError) return sendJson(response, 413, { error: 'Too large' });
    throw error;
  }
}
