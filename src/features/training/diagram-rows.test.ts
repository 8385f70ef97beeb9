import { describe, expect, it } from 'vitest';
import type { StsExchange } from '../../lib/aws/exchange';
import { describeDiagram, diagramRows } from './diagram-rows';
import { EXCHANGES, TRACE } from './test-fixtures';

describe('diagramRows', () => {
  it('draws the sign-in and every STS call, numbered like the steps', () => {
    const rows = diagramRows(TRACE, EXCHANGES);
    expect(
      rows.map(({ step, from, to, label, failed }) => [step, from, to, label, failed]),
    ).toEqual([
      [1, 'Browser', 'Provider', 'Authorization request (PKCE)', false],
      [2, 'Provider', 'Browser', 'Redirect back with code', false],
      [3, 'Browser', 'Provider', 'Token request (code, verifier)', false],
      [3, 'Provider', 'Browser', 'Tokens, with the ID token', false],
      [5, 'Browser', 'AWS STS', 'AssumeRoleWithWebIdentity (Developer)', false],
      [5, 'AWS STS', 'Browser', 'Temporary credentials', false],
      [6, 'Browser', 'AWS STS', 'GetCallerIdentity', false],
      [6, 'AWS STS', 'Browser', 'Account, ARN and user id', false],
      [7, 'Browser', 'AWS STS', 'AssumeRoleWithWebIdentity (MisconfiguredTrust)', false],
      [7, 'AWS STS', 'Browser', 'failed: AccessDenied', true],
    ]);
  });

  it('marks a call that got no answer as failed', () => {
    const lost: StsExchange = { ...EXCHANGES[0], response: undefined };
    expect(diagramRows({}, [lost]).at(-1)).toMatchObject({
      step: 5,
      label: 'failed: no answer',
      failed: true,
    });
  });

  it('marks a refused sign-in at the redirect back', () => {
    const refused = {
      url: 'http://localhost/?error=access_denied',
      params: { error: 'access_denied' },
    };
    expect(diagramRows({ callback: refused }, [])).toEqual([
      {
        step: 2,
        from: 'Provider',
        to: 'Browser',
        label: 'Redirect back: access_denied',
        failed: true,
      },
    ]);
  });

  it('is empty before sign-in, and says so', () => {
    expect(diagramRows({}, [])).toEqual([]);
    expect(describeDiagram([])).toMatch(/sign in/);
  });

  it('describes the messages and the failed step in words', () => {
    const text = describeDiagram(diagramRows(TRACE, EXCHANGES));
    expect(text).toContain('step 1, Browser to Provider: Authorization request (PKCE)');
    expect(text).toMatch(/Step 7 failed\.$/);
  });
});
