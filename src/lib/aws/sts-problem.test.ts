import { describe, expect, it } from 'vitest';
import { ExplainedError } from '../../utils/explained-error';
import { toStsProblem } from './sts-problem';

const context = {
  action: 'AssumeRoleWithWebIdentity',
  endpoint: 'https://sts.eu-west-1.amazonaws.com',
  roleArn: 'arn:aws:iam::111111111111:role/Developer',
};

function sdkError(name: string, message: string, status: number) {
  return Object.assign(new Error(message), {
    name,
    $metadata: { httpStatusCode: status, requestId: 'req-1' },
  });
}

describe('toStsProblem', () => {
  it('explains a trust-policy denial and names the role', () => {
    const problem = toStsProblem(
      sdkError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity', 403),
      context,
    );
    expect(problem.title).toBe(
      'Your sign-in is not allowed to assume arn:aws:iam::111111111111:role/Developer',
    );
    expect(problem.hint).toContain('trust policy');
    expect(problem).toMatchObject({
      source: 'sts',
      operation: 'AssumeRoleWithWebIdentity',
      code: 'AccessDenied',
      status: 403,
      requestId: 'req-1',
      retryable: false,
    });
  });

  it('maps the SDK exception names back to the wire codes', () => {
    const problem = toStsProblem(
      sdkError(
        'InvalidIdentityTokenException',
        'No OpenIDConnect provider found in your account',
        400,
      ),
      context,
    );
    expect(problem.code).toBe('InvalidIdentityToken');
    expect(problem.hint).toContain('No OpenIDConnect provider found in your account');
    expect(problem.hint).toContain('IAM OIDC provider');
  });

  it('tells the person to sign in again when the ID token expired', () => {
    const problem = toStsProblem(sdkError('ExpiredTokenException', 'Token expired', 400), context);
    expect(problem.title).toBe('Your sign-in has expired');
  });

  it('treats an unreachable endpoint as a retryable network problem naming the endpoint', () => {
    const problem = toStsProblem(new TypeError('Failed to fetch'), context);
    expect(problem.title).toBe('AWS STS could not be reached');
    expect(problem.hint).toContain('https://sts.eu-west-1.amazonaws.com');
    expect(problem).toMatchObject({ code: 'NetworkError', retryable: true });
  });

  it.each(['socket hang up', 'write EPIPE', 'read ECONNRESET'])(
    'treats a connection that broke off (%s) as the network, whatever the handler named it',
    (message) => {
      // Node's handler names these TimeoutError, so that the SDK retries them.
      const dropped = Object.assign(new Error(message), { name: 'TimeoutError' });
      expect(toStsProblem(dropped, context)).toMatchObject({
        code: 'NetworkError',
        retryable: true,
      });
    },
  );

  it('quotes AWS for an error it has no explanation for', () => {
    const problem = toStsProblem(sdkError('SomethingNew', 'A new failure', 400), context);
    expect(problem.title).toBe('AWS STS refused AssumeRoleWithWebIdentity (SomethingNew)');
    expect(problem.hint).toContain('"A new failure"');
  });

  it('marks server-side failures as worth retrying', () => {
    expect(toStsProblem(sdkError('InternalFailure', 'oops', 500), context).retryable).toBe(true);
    expect(
      toStsProblem(sdkError('IDPCommunicationErrorException', 'x', 400), context).retryable,
    ).toBe(true);
    expect(toStsProblem(sdkError('SomethingNew', 'x', 400), context).retryable).toBe(false);
  });

  it('passes an existing problem through unchanged', () => {
    const problem = new ExplainedError({
      source: 'sts',
      operation: 'a',
      code: 'c',
      title: 't',
      hint: 'h',
      retryable: false,
    });
    expect(toStsProblem(problem, context)).toBe(problem);
  });
});

describe('toStsProblem for role chaining and other codes', () => {
  const chaining = { ...context, action: 'AssumeRole' };

  it('blames the hub role and ExternalId, not the ID token, when chaining is denied', () => {
    const problem = toStsProblem(sdkError('AccessDenied', 'not authorized', 403), chaining);
    expect(problem.title).toContain('role you chain from');
    expect(problem.hint).toContain('ExternalId');
    expect(problem.hint).not.toContain('ID token');
  });

  it('explains a session policy and tags that are too large', () => {
    expect(
      toStsProblem(sdkError('PackedPolicyTooLargeException', 'too large', 400), context).title,
    ).toBe('The session policies and tags are too large');
  });

  it('does not mistake a programming error for the network', () => {
    const problem = toStsProblem(
      new TypeError("Cannot read properties of undefined (reading 'x')"),
      context,
    );
    expect(problem.code).not.toBe('NetworkError');
  });
});
