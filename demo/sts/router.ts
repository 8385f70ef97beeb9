import type { ActionHandler, StsState } from './action-context.ts';
import { assumeRole } from './actions/assume-role.ts';
import { assumeRoleWithWebIdentity } from './actions/assume-role-with-web-identity.ts';
import { getCallerIdentity } from './actions/get-caller-identity.ts';
import { getFederationToken } from './actions/get-federation-token.ts';
import { getSessionToken } from './actions/get-session-token.ts';
import { authenticate } from './auth.ts';
import { internalFailure, invalidAction, missingAction, StsError } from './errors.ts';
import { parseParams, type Params } from './query.ts';
import type { HttpRequestParts } from './sigv4.ts';
import { renderError, renderResult } from './xml.ts';

/**
 * The query-protocol router: `Action` picks the handler, `Version` must be 2011-06-15, and signed
 * actions are authenticated before they run. AssumeRoleWithWebIdentity is the one unsigned action
 * (the service model marks it `smithy.api#noAuth`).
 */
export const API_VERSION = '2011-06-15';

interface Route {
  signed: boolean;
  handle: ActionHandler;
}

const ROUTES: Readonly<Record<string, Route>> = {
  AssumeRoleWithWebIdentity: { signed: false, handle: assumeRoleWithWebIdentity },
  GetCallerIdentity: { signed: true, handle: getCallerIdentity },
  AssumeRole: { signed: true, handle: assumeRole },
  GetSessionToken: { signed: true, handle: getSessionToken },
  GetFederationToken: { signed: true, handle: getFederationToken },
};

/**
 * Real STS actions the demo does not emulate: named as such, rather than called unknown.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_Operations.html
 */
const NOT_EMULATED = new Set([
  'AssumeRoleWithSAML',
  'AssumeRoot',
  'DecodeAuthorizationMessage',
  'GetAccessKeyInfo',
  'GetDelegatedAccessToken',
  'GetWebIdentityToken',
]);

export interface StsRequest extends HttpRequestParts {
  query: URLSearchParams;
}

export interface StsResponse {
  status: number;
  body: string;
  action: string;
  roleArn?: string;
  errorCode?: string;
}

async function dispatch(params: Params, request: StsRequest, state: StsState, now: number) {
  const action = params.get('Action');
  if (!action) throw missingAction();
  const route = Object.hasOwn(ROUTES, action) ? ROUTES[action] : undefined;
  const version = params.get('Version');
  if (version === API_VERSION && NOT_EMULATED.has(action)) {
    throw new StsError('InvalidAction', `${action} is not emulated by the local demo STS.`, 400);
  }
  if (!route || version !== API_VERSION) throw invalidAction(action, version);
  const caller = route.signed ? authenticate(request, state.world, state.sessions, now) : undefined;
  return route.handle({ params, state, caller, now });
}

export async function handleStsRequest(
  request: StsRequest,
  state: StsState,
  now: number,
  requestId: string,
): Promise<StsResponse> {
  const params = parseParams(request.query, request.body.toString('utf8'));
  const action = params.get('Action') ?? '';
  const roleArn = params.get('RoleArn');
  try {
    const { result } = await dispatch(params, request, state, now);
    return { status: 200, body: renderResult(action, result, requestId), action, roleArn };
  } catch (caught) {
    if (!(caught instanceof StsError)) {
      console.error('STS: unexpected error', caught instanceof Error ? caught.stack : caught);
    }
    const error = caught instanceof StsError ? caught : internalFailure();
    const body = renderError(error, requestId);
    return { status: error.status, body, action, roleArn, errorCode: error.code };
  }
}
