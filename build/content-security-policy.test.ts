import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  withPolicyMeta,
  type AllowedOrigin,
} from './content-security-policy.ts';

const directive = (policy: string, name: string) =>
  policy.split('; ').find((part) => part.startsWith(`${name} `));

const origins: AllowedOrigin[] = [
  { directive: 'connect-src', origin: 'https://idp.example.com', reason: 'issuer' },
  { directive: 'connect-src', origin: 'https://sts.eu-west-1.amazonaws.com', reason: 'sts' },
  { directive: 'frame-src', origin: 'https://login.example.net', reason: 'authorize' },
];

describe('contentSecurityPolicy', () => {
  it('allows scripts and styles from the app only, with no inline code', () => {
    const policy = contentSecurityPolicy(origins, 'meta');
    expect(directive(policy, 'script-src')).toBe("script-src 'self'");
    expect(directive(policy, 'style-src')).toBe("style-src 'self'");
    expect(policy).not.toContain('unsafe');
  });

  it('lets the app reach the given origins, and nothing else', () => {
    const policy = contentSecurityPolicy(origins, 'meta');
    expect(directive(policy, 'connect-src')).toBe(
      "connect-src 'self' https://idp.example.com https://sts.eu-west-1.amazonaws.com",
    );
    expect(directive(policy, 'frame-src')).toBe("frame-src 'self' https://login.example.net");
  });

  it('forbids framing in the header form only, as a meta tag cannot', () => {
    expect(contentSecurityPolicy(origins, 'header')).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy(origins, 'meta')).not.toContain('frame-ancestors');
  });

  it('allows no outside origin when given none (an unconfigured build)', () => {
    expect(directive(contentSecurityPolicy([], 'meta'), 'connect-src')).toBe("connect-src 'self'");
  });
});

describe('withPolicyMeta', () => {
  const page = `<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"><title>x</title></head>`;

  it('replaces the policy, again and again', () => {
    const once = withPolicyMeta(page, "connect-src 'self' https://a.example")!;
    const twice = withPolicyMeta(once, "connect-src 'self' https://b.example")!;
    expect(twice).toContain('content="connect-src \'self\' https://b.example"');
    expect(twice).not.toContain('a.example');
    expect(twice.match(/Content-Security-Policy/g)).toHaveLength(1);
  });

  it('says when the page has no policy to replace', () => {
    expect(withPolicyMeta('<head></head>', "default-src 'none'")).toBeUndefined();
  });
});
