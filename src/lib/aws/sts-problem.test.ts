import { describe, expect, it } from 'vitest';
import { StsProblem, toStsProblem } from './sts-problem';

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
    expect(problem.details).toMatchObject({
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
    expect(problem.details.code).toBe('InvalidIdentityToken');
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
    expect(problem.details).toMatchObject({ code: 'NetworkError', retryable: true });
  });

  it('quotes AWS for an error it has no explanation for', () => {
    const problem = toStsProblem(sdkError('SomethingNew', 'A new failure', 400), context);
    expect(problem.title).toBe('AWS STS refused AssumeRoleWithWebIdentity (SomethingNew)');
    expect(problem.hint).toContain('"A new failure"');
  });

  it('marks server-side failures as worth retrying', () => {
    expect(toStsProblem(sdkError('InternalFailure', 'oops', 500), context).details.retryable).toBe(
      true,
    );
    expect(
      toStsProblem(sdkError('IDPCommunicationErrorException', 'x', 400), context).details.retryable,
    ).toBe(true);
  });

  it('passes an existing problem through unchanged', () => {
    const problem = new StsProblem('t', 'h', { action: 'a', code: 'c', retryable: false });
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
    expect(problem.details.code).not.toBe('NetworkError');
  });
});
