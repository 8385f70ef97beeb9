import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CspViolationNotice } from './csp-violation-notice';
import { watchCspViolations } from './csp-violations';

const config = {
  oidc: { authority: 'https://idp.example.com/tenant' },
  sts: { region: 'eu-west-1', partition: 'aws' as const },
} as Parameters<typeof watchCspViolations>[0];

const APP_SCRIPT = `${location.origin}/assets/index-abc123.js`;

function violation(
  blockedURI: string,
  effectiveDirective = 'connect-src',
  sourceFile = APP_SCRIPT,
): Event {
  return Object.assign(new Event('securitypolicyviolation'), {
    blockedURI,
    effectiveDirective,
    sourceFile,
  });
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

  it('ignores an origin config does not name when something else on the page asked for it', () => {
    const target = new EventTarget();
    const violations = watchCspViolations(config, target);
    // Injected code or markup, a browser extension: not Rolecall's request to vouch for.
    target.dispatchEvent(violation('http://127.0.0.1:9/collect', 'connect-src', ''));
    target.dispatchEvent(
      violation('https://evil.example/frame', 'frame-src', 'chrome-extension://abc/inject.js'),
    );
    target.dispatchEvent(
      violation('https://evil.example/x', 'connect-src', 'https://evil.example/'),
    );
    expect(violations.getSnapshot()).toEqual([]);
    // The provider and STS are told whoever asked: the person needs them.
    target.dispatchEvent(violation('https://idp.example.com/authorize', 'frame-src', ''));
    expect(violations.getSnapshot()).toEqual([
      {
        origin: 'https://idp.example.com',
        directive: 'frame-src',
        party: 'your identity provider',
      },
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
