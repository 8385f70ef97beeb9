import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CspViolationNotice } from './csp-violation-notice';
import { watchCspViolations } from './csp-violations';

const config = {
  oidc: { authority: 'https://idp.example.com/tenant' },
  sts: { region: 'eu-west-1', partition: 'aws' as const },
} as Parameters<typeof watchCspViolations>[0];

function violation(blockedURI: string, effectiveDirective = 'connect-src'): Event {
  return Object.assign(new Event('securitypolicyviolation'), { blockedURI, effectiveDirective });
}

describe('watchCspViolations', () => {
  it('records each blocked origin once, naming the provider and STS', () => {
    const target = new EventTarget();
    const violations = watchCspViolations(config, target);
    target.dispatchEvent(violation('https://idp.example.com/tenant/oauth/token'));
    target.dispatchEvent(violation('https://idp.example.com/other'));
    target.dispatchEvent(violation('https://sts.eu-west-1.amazonaws.com/'));
    target.dispatchEvent(violation('https://tokens.example.net/token'));
    expect(violations.getSnapshot()).toEqual([
      {
        origin: 'https://idp.example.com',
        directive: 'connect-src',
        party: 'your identity provider',
      },
      { origin: 'https://sts.eu-west-1.amazonaws.com', directive: 'connect-src', party: 'AWS STS' },
      { origin: 'https://tokens.example.net', directive: 'connect-src', party: undefined },
    ]);
  });

  it('ignores blocked scripts and styles, and inline code', () => {
    const target = new EventTarget();
    const violations = watchCspViolations(config, target);
    target.dispatchEvent(violation('https://cdn.example.org/x.js', 'script-src-elem'));
    target.dispatchEvent(violation('inline', 'style-src-attr'));
    expect(violations.getSnapshot()).toEqual([]);
  });
});

describe('CspViolationNotice', () => {
  it('says the policy, not the network, blocked the provider, and how to fix it', () => {
    const target = new EventTarget();
    const violations = watchCspViolations(config, target);
    render(<CspViolationNotice violations={violations} />);
    expect(screen.queryByRole('alert')).toBeNull();
    act(() => void target.dispatchEvent(violation('https://idp.example.com/token')));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(
      "This deployment's Content-Security-Policy does not allow your identity provider",
    );
    expect(alert).toHaveTextContent('It is not a network problem');
    expect(alert).toHaveTextContent('--allow-origin https://idp.example.com');
  });
});
