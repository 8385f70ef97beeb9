import type { StsState } from './action-context.ts';
import { authenticate, type Caller } from './auth.ts';
import { StsError } from './errors.ts';
import { checkPermission, denialReason } from './permissions.ts';
import { principalArn, principalUserId } from './principal.ts';
import type { StsRequest, StsResponse } from './router.ts';
import { parseSignature } from './sigv4.ts';
import type { Statement } from './trust-policy/policy-document.ts';
import { el, renderDocument } from './xml.ts';

/**
 * A stand-in for one EC2 call, so that trainers can show a denial with an "Encoded authorization
 * failure message" and decode it with DecodeAuthorizationMessage, offline:
 *
 *   aws ec2 run-instances --dry-run --image-id ami-12345678 --instance-type t3.micro \
 *     --endpoint-url http://localhost:5190
 *
 * RunInstances (EC2 API version 2016-11-15, signed for `ec2`) is checked against the caller's
 * permissions policies in demo/data/aws.json and always handled as a dry run, so nothing is
 * launched: allowed, it answers 412 DryRunOperation; denied, 403 UnauthorizedOperation with the
 * encoded message, in EC2's error format, as EC2 does
 * (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html).
 */
export const EC2_API_VERSION = '2016-11-15';

export const isEc2Request = (request: StsRequest) =>
  request.params.get('Version') === EC2_API_VERSION;

function ec2Error(code: string, message: string, status: number, requestId: string) {
  const body = renderDocument(
    el('Response', [
      el('Errors', [el('Error', [el('Code', code), el('Message', message)])]),
      el('RequestID', requestId),
    ]),
  );
  return { status, body, errorCode: code };
}

const items = <T>(values: readonly T[]) => ({ items: values });
const valueItems = (values: readonly string[]) => items(values.map((value) => ({ value })));

function statementItem(statement: Statement, caller: Caller) {
  return {
    statementId: statement.sid ?? '',
    effect: statement.effect.toUpperCase(),
    principals: valueItems([principalUserId(caller.principal).split(':')[0] ?? '']),
    principalGroups: items([]),
    actions: valueItems(statement.action ?? statement.notAction ?? []),
    resources: valueItems(statement.resource ?? statement.notResource ?? []),
    conditions: items(
      Object.values(statement.condition).flatMap((keys) =>
        Object.entries(keys).map(([key, values]) => ({ key, values: valueItems(values) })),
      ),
    ),
  };
}

function runInstances(request: StsRequest, state: StsState, now: number, requestId: string) {
  const caller = authenticate(request, state.world, state.sessions, now, 'ec2');
  const region = parseSignature(request)?.scope.region ?? 'us-east-1';
  const action = 'ec2:RunInstances';
  const resource = `arn:aws:ec2:${region}:${caller.principal.account.id}:instance/*`;
  const { decision, matched, context } = checkPermission(caller, action, resource);
  if (decision === 'allow') {
    return ec2Error(
      'DryRunOperation',
      'Request would have succeeded, but DryRun flag is set.',
      412,
      requestId,
    );
  }
  const instanceType = request.params.get('InstanceType') ?? 'm1.small';
  const conditions = [
    ['ec2:InstanceType', instanceType],
    ['aws:RequestedRegion', region],
    ...context,
  ].flatMap(([key, value]) =>
    value === undefined
      ? []
      : [{ key, values: valueItems(typeof value === 'string' ? [value] : value) }],
  );
  const encoded = state.authorizationMessages.encode({
    allowed: false,
    explicitDeny: decision === 'explicit-deny',
    matchedStatements: items(matched.map((statement) => statementItem(statement, caller))),
    failures: items([]),
    context: {
      principal: { id: principalUserId(caller.principal), arn: principalArn(caller.principal) },
      action,
      resource,
      conditions: items(conditions),
    },
  });
  const who = principalArn(caller.principal);
  return ec2Error(
    'UnauthorizedOperation',
    `You are not authorized to perform this operation. User: ${who} is not authorized to perform: ${action} on resource: ${resource} ${denialReason(decision, action)}. Encoded authorization failure message: ${encoded}`,
    403,
    requestId,
  );
}

/** Answers an EC2 request; every failure, authentication included, in EC2's error format. */
export function answerEc2(
  request: StsRequest,
  state: StsState,
  now: number,
  requestId: string,
): StsResponse {
  const action = request.params.get('Action') ?? '';
  try {
    if (action !== 'RunInstances') {
      const message = `The action ${action} is not valid for this web service: the demo stands in for EC2's RunInstances only.`;
      return { action, ...ec2Error('InvalidAction', message, 400, requestId) };
    }
    return { action, ...runInstances(request, state, now, requestId) };
  } catch (error) {
    if (!(error instanceof StsError)) throw error;
    return { action, ...ec2Error(error.code, error.message, error.status, requestId) };
  }
}
