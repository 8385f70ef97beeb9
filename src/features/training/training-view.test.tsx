import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setupWithClipboard } from '../../test/clipboard';
import {
  ACCESS_DENIED,
  AUDITOR,
  DEVELOPER,
  EXCHANGES,
  ID_TOKEN_PAYLOAD,
  ISSUER,
  MISCONFIGURED,
  SECRETS,
  TRACE,
} from './test-fixtures';
import TrainingView, { type TrainingViewProps } from './training-view';
import type { StsExchange } from '../../lib/aws/exchange';
import { ExplainedError } from '../../utils/explained-error';
import { webIdentityTrustPolicy } from './trust-policy';

const PROPS: TrainingViewProps = {
  trace: TRACE,
  exchanges: EXCHANGES,
  role: DEVELOPER,
  issuer: ISSUER,
  presenter: false,
};

const view = () => screen.getByRole('region', { name: 'How this sign-in worked' });
const step = (name: string) => within(view()).getByRole('listitem', { name });

describe('TrainingView', () => {
  it('walks through every step in order, each with a heading and its raw material', () => {
    render(<TrainingView {...PROPS} />);
    expect(within(within(view()).getByRole('list')).getAllByRole('listitem')).toHaveLength(7);
    expect(
      within(view())
        .getAllByRole('heading', { level: 3 })
        .map((heading) => heading.textContent),
    ).toEqual([
      'Authorization request',
      "The provider's redirect back",
      'Token response',
      'The decoded ID token',
      'AssumeRoleWithWebIdentity for Developer',
      'GetCallerIdentity',
      'AssumeRoleWithWebIdentity for MisconfiguredTrust',
      'The trust policy that would admit this token',
    ]);

    const authorization = step('Authorization request');
    expect(authorization).toHaveTextContent('BASE64URL(SHA-256(code_verifier))');
    expect(authorization).toHaveTextContent('43 random characters');
    expect(within(authorization).getByRole('figure')).toHaveTextContent(
      'code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
    expect(step("The provider's redirect back")).toHaveTextContent(
      'Matches the state sent in step 1',
    );
    expect(step('Token response')).toHaveTextContent('access_token(redacted: 43 characters)');
    const idToken = step('The decoded ID token');
    expect(within(idToken).getByRole('figure', { name: 'ID token payload' })).toHaveTextContent(
      '"sub": "user-alice"',
    );
    expect(idToken).toHaveTextContent('Trust policies test it as localhost:5180:sub');
    expect(idToken).toHaveTextContent(
      'Session tags for AWS: “Team=platform”, “CostCenter=cc-1234” (transitive: “Team”)',
    );

    const assume = step('AssumeRoleWithWebIdentity for Developer');
    expect(assume).toHaveTextContent('Unsigned: no AWS credentials are needed');
    expect(assume).toHaveTextContent('Succeeded: 200 OK.');
    expect(
      within(assume).getByRole('figure', { name: 'AssumeRoleWithWebIdentity response' }),
    ).toHaveTextContent('<AccessKeyId>ASIAQSANDBOXDEV7KQ2E</AccessKeyId>');
    expect(step('GetCallerIdentity')).toHaveTextContent('cannot be denied');
    expect(step('AssumeRoleWithWebIdentity for MisconfiguredTrust')).toHaveTextContent(
      'Failed: 403 Forbidden, AccessDenied.',
    );
  });

  it('quotes the token’s values in its own sentences and shows their hidden characters', () => {
    const payload = {
      ...ID_TOKEN_PAYLOAD,
      name: 'Mallory \u202E',
      'https://aws.amazon.com/source_identity': 'eve\u2028Verified by Rolecall',
      'https://aws.amazon.com/tags': { principal_tags: { Team: ['x\u202Eenon'] } },
    };
    render(
      <TrainingView {...PROPS} trace={{ ...TRACE, idToken: { ...TRACE.idToken!, payload } }} />,
    );
    const idToken = step('The decoded ID token');
    expect(idToken).toHaveTextContent('Session tags for AWS: “Team=x⟨U+202E⟩enon”.');
    expect(idToken).toHaveTextContent('Source identity “eve⟨U+2028⟩Verified by Rolecall”: AWS');
    expect(within(idToken).getByRole('figure', { name: 'ID token payload' })).toHaveTextContent(
      '"name": "Mallory \\u202e"',
    );
    expect(idToken.textContent).not.toMatch(/[\u2028\u202e]/);
  });

  it('never puts a token, code, key or signature in the page, even ones the capture missed', () => {
    render(<TrainingView {...PROPS} role={MISCONFIGURED} problem={ACCESS_DENIED} />);
    const text = document.body.textContent ?? '';
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(text).not.toContain('eyJ');
    expect(text).toContain('WebIdentityToken=(redacted: ');
    expect(text).toContain('Signature=(redacted: 64 characters)');
  });

  it('masks every account id in presenter mode, raw messages and the trust policy included', () => {
    render(<TrainingView {...PROPS} role={MISCONFIGURED} problem={ACCESS_DENIED} presenter />);
    const text = document.body.textContent ?? '';
    expect(text).not.toMatch(/111111111111|222222222222/);
    expect(text).toContain('arn:aws:sts::••••••••••••:assumed-role/Developer/alice');
    expect(text).toContain('arn:aws:iam::••••••••••••:role/Deployer');
    expect(screen.getByRole('figure', { name: 'Trust policy (JSON)' })).toHaveTextContent(
      'arn:aws:iam::••••••••••••:oidc-provider/localhost:5180',
    );
    expect(screen.getByRole('region', { name: 'Why it failed' })).toHaveTextContent('••••••••••••');
  });

  it('copies the real trust policy, also in presenter mode, and says so', async () => {
    const { user, writeText } = setupWithClipboard();
    render(<TrainingView {...PROPS} presenter />);
    await user.click(screen.getByRole('button', { name: 'Copy trust policy' }));
    const expected = webIdentityTrustPolicy({
      issuer: ISSUER,
      claims: ID_TOKEN_PAYLOAD,
      roleArn: DEVELOPER.arn,
      accountId: DEVELOPER.accountId,
    })!.json;
    expect(writeText).toHaveBeenCalledWith(expected);
    expect(expected).toContain('arn:aws:iam::111111111111:oidc-provider/localhost:5180');
    expect(await screen.findByText('Copied trust policy')).toBeVisible();
  });

  it('says real AWS needs an https issuer when the issuer is the http demo', () => {
    render(<TrainingView {...PROPS} />);
    const panel = screen.getByRole('region', {
      name: 'The trust policy that would admit this token',
    });
    expect(panel).toHaveTextContent('Real AWS requires an https issuer');
    expect(within(panel).getByRole('figure')).toHaveTextContent('"localhost:5180:aud": "rolecall"');
  });

  it('explains an AccessDenied with the token’s own aud and sub', () => {
    render(<TrainingView {...PROPS} role={MISCONFIGURED} problem={ACCESS_DENIED} />);
    const why = screen.getByRole('region', { name: 'Why it failed' });
    expect(why).toHaveTextContent(
      'AssumeRoleWithWebIdentity failed with AccessDenied (request id c3a8f1d2-5b6e-4f70-8a9b-0c1d2e3f4a5b).',
    );
    expect(why).toHaveTextContent(`The token's aud is "rolecall" and sub is "user-alice"`);
    expect(why).toHaveTextContent('trust arn:aws:iam::111111111111:oidc-provider/localhost:5180');
    expect(within(why).getByText('Fix')).toBeVisible();
  });

  it('reads the failure from the role’s last exchange when no problem is passed', () => {
    const { rerender } = render(<TrainingView {...PROPS} role={MISCONFIGURED} />);
    expect(screen.getByRole('region', { name: 'Why it failed' })).toHaveTextContent(
      'AWS said: "Not authorized to perform sts:AssumeRoleWithWebIdentity"',
    );
    rerender(<TrainingView {...PROPS} role={DEVELOPER} />);
    expect(screen.queryByRole('region', { name: 'Why it failed' })).not.toBeInTheDocument();
  });

  it('shows a chained role trusting the role it is reached from', () => {
    render(<TrainingView {...PROPS} role={AUDITOR} />);
    const policy = screen.getByRole('figure', { name: 'Trust policy (JSON)' });
    expect(policy).toHaveTextContent('"AWS": "arn:aws:iam::111111111111:role/Developer"');
    expect(policy).toHaveTextContent('"sts:ExternalId": "audit-7f3a"');
    expect(policy).not.toHaveTextContent('AssumeRoleWithWebIdentity');
  });

  it('keeps the structure before sign-in and says what is missing', () => {
    render(<TrainingView trace={{}} exchanges={[]} issuer={ISSUER} presenter={false} />);
    expect(within(view()).getAllByText('Sign in to see this step.')).toHaveLength(5);
    expect(step('Calls to AWS STS')).toHaveTextContent('Assume a role to see this step.');
    expect(screen.queryByRole('button', { name: 'Copy trust policy' })).not.toBeInTheDocument();
  });
});

describe('TrainingView for a classroom', () => {
  it('puts the explanation of a failure first, before the diagram and the steps', () => {
    render(<TrainingView {...PROPS} role={MISCONFIGURED} problem={ACCESS_DENIED} />);
    const why = screen.getByRole('region', { name: 'Why it failed' });
    expect(why).toHaveAttribute('id', 'why-it-failed');
    const diagram = screen.getByRole('img', { name: /message by message/ });
    const steps = within(view()).getByRole('list');
    expect(why.compareDocumentPosition(diagram) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(diagram.compareDocumentPosition(steps) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('shows the step numbers the explanations refer to, failed call open', () => {
    render(<TrainingView {...PROPS} />);
    expect(step('Authorization request')).toHaveTextContent(/^Step 1/);
    expect(step('AssumeRoleWithWebIdentity for MisconfiguredTrust')).toHaveTextContent(/^Step 7/);
    expect(
      step('AssumeRoleWithWebIdentity for MisconfiguredTrust').querySelector('details'),
    ).toHaveAttribute('open');
    expect(step('Authorization request').querySelector('details')).not.toHaveAttribute('open');
  });

  it('draws the diagram with the failed call marked in words', () => {
    render(<TrainingView {...PROPS} />);
    const diagram = screen.getByRole('img', { name: /message by message/ });
    expect(diagram).toHaveAccessibleName(/Step 7 failed\./);
    expect(diagram).toHaveTextContent('✕ 7. failed: AccessDenied');
    expect(diagram).toHaveTextContent('5. AssumeRoleWithWebIdentity (Developer)');
  });

  it('takes focus once when the error card’s link asks for it', () => {
    let focused = 0;
    render(
      <TrainingView
        {...PROPS}
        role={MISCONFIGURED}
        problem={ACCESS_DENIED}
        focusExplanation
        onExplanationFocused={() => (focused += 1)}
      />,
    );
    expect(screen.getByRole('region', { name: 'Why it failed' })).toHaveFocus();
    expect(focused).toBe(1);
  });

  it('judges an expired token by the clock STS answered with: the clocks, not another sign-in', () => {
    const failed = EXCHANGES[2];
    const response = failed.response!;
    const skewed: StsExchange = {
      ...failed,
      response: {
        ...response,
        status: 400,
        // The call was sent at 12:01:00 by this computer's clock; STS answered dated 12:16:00.
        headers: { ...response.headers, date: 'Thu, 01 Jan 2026 12:16:00 GMT' },
        body: '<ErrorResponse><Error><Code>ExpiredTokenException</Code><Message>Token expired</Message></Error></ErrorResponse>',
      },
    };
    const expired = new ExplainedError({
      source: 'sts',
      operation: 'AssumeRoleWithWebIdentity',
      code: 'ExpiredTokenException',
      title: 'x',
      hint: 'x',
      retryable: false,
    });
    render(
      <TrainingView
        {...PROPS}
        exchanges={[...EXCHANGES.slice(0, 2), skewed]}
        role={MISCONFIGURED}
        problem={expired}
      />,
    );
    const why = screen.getByRole('region', { name: 'Why it failed' });
    expect(why).toHaveTextContent("AWS STS's clock is 15 minutes ahead of this computer's");
    expect(why).not.toHaveTextContent(/Sign in again/i);
  });
});
