import type { ActionHandler, SignedActionInput, StsState } from './action-context.ts';
import { assumeRole } from './actions/assume-role.ts';
import { assumeRoleWithWebIdentity } from './actions/assume-role-with-web-identity.ts';
import { decodeAuthorizationMessage } from './actions/decode-authorization-message.ts';
import { getAccessKeyInfo } from './actions/get-access-key-info.ts';
import { getCallerIdentity } from './actions/get-caller-identity.ts';
import { getFederationToken } from './actions/get-federation-token.ts';
import { getSessionToken } from './actions/get-session-token.ts';
import { authenticate } from './auth.ts';
import { internalFailure, invalidAction, missingAction, StsError } from './errors.ts';
import type { Params } from './query.ts';
import type { HttpRequestParts } from './sigv4.ts';
import { renderError, renderResult } from './xml.ts';

/**
 * The query-protocol router: `Action` picks the handler, `Version` must be 2011-06-15, and signed
 * actions are authenticated before they run. AssumeRoleWithWebIdentity is the one unsigned action
 * (the service model marks it `smithy.api#noAuth`).
 */
export const API_VERSION = '2011-06-15';

type Route =
  | { signed: false; handle: ActionHandler }
  | { signed: true; handle: ActionHandler<SignedActionInput> };

const ROUTES: Readonly<Record<string, Route>> = {
  AssumeRoleWithWebIdentity: { signed: false, handle: assumeRoleWithWebIdentity },
  GetCallerIdentity: { signed: true, handle: getCallerIdentity },
  AssumeRole: { signed: true, handle: assumeRole },
  GetSessionToken: { signed: true, handle: getSessionToken },
  GetFederationToken: { signed: true, handle: getFederationToken },
  GetAccessKeyInfo: { signed: true, handle: getAccessKeyInfo },
  DecodeAuthorizationMessage: { signed: true, handle: decodeAuthorizationMessage },
};

/**
 * Real STS actions the demo does not emulate: named as such, rather than called unknown.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_Operations.html
 */
const NOT_EMULATED = new Set([
  'AssumeRoleWithSAML',
  'AssumeRoot',
  'GetDelegatedAccessToken',
  'GetWebIdentityToken',
]);

/** A request as read off the wire, with its query-string and body parameters merged. */
export interface StsRequest extends HttpRequestParts {
  params: Params;
}

/** An answer, with what the call log keeps of the call. */
export interface StsResponse {
  status: number;
  body: string;
  action: string;
  roleArn?: string;
  errorCode?: string;
}

/** The call as the log names it: its action and, for AssumeRole*, the role. */
export type CallFacts = Pick<StsResponse, 'action' | 'roleArn'>;

export const callFacts = (params: Params): CallFacts => ({
  action: params.get('Action') ?? '',
  roleArn: params.get('RoleArn'),
});

/** AWS's error envelope for `error`, the one way every STS error is answered. */
export function errorResponse(error: StsError, requestId: string, call: CallFacts): StsResponse {
  const body = renderError(error, requestId);
  return { status: error.status, body, ...call, errorCode: error.code };
}

async function dispatch(request: StsRequest, state: StsState, now: number) {
  const { params } = request;
  const action = params.get('Action');
  if (!action) throw missingAction();
  const route = Object.hasOwn(ROUTES, action) ? ROUTES[action] : undefined;
  const version = params.get('Version');
  if (version === API_VERSION && NOT_EMULATED.has(action)) {
    throw new StsError('InvalidAction', `${action} is not emulated by the local demo STS.`, 400);
  }
  if (!route || version !== API_VERSION) throw invalidAction(action, version);
  const input = { params, state, now };
  if (!route.signed) return route.handle(input);
  const caller = authenticate(request, state.world, state.sessions, now);
  return route.handle({ ...input, caller });
}

export async function handleStsRequest(
  request: StsRequest,
  state: StsState,
  now: number,
  requestId: string,
): Promise<StsResponse> {
  const call = callFacts(request.params);
  try {
    const { result } = await dispatch(request, state, now);
    return { status: 200, body: renderResult(call.action, result, requestId), ...call };
  } catch (caught) {
    if (!(caught instanceof StsError)) {
      console.error('STS: unexpected error', caught instanceof Error ? caught.stack : caught);
    }
    const error = caught instanceof StsError ? caught : internalFailure();
    return errorResponse(error, requestId, call);
  }
}
