import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './content-security-policy.ts';

function configFile(config: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'rolecall-csp-')), 'config.json');
  writeFileSync(file, JSON.stringify(config));
  return file;
}

const directive = (policy: string, name: string) =>
  policy.split('; ').find((part) => part.startsWith(`${name} `));

describe('contentSecurityPolicy', () => {
  const real = configFile({
    oidc: { authority: 'https://idp.example.com/tenant' },
    sts: { region: 'eu-west-1' },
  });

  it('allows scripts and styles from the app only, with no inline code', () => {
    const policy = contentSecurityPolicy(real);
    expect(directive(policy, 'script-src')).toBe("script-src 'self'");
    expect(directive(policy, 'style-src')).toBe("style-src 'self'");
    expect(policy).not.toContain('unsafe');
  });

  it('lets the app reach its provider and the STS of its region, and nothing else', () => {
    expect(directive(contentSecurityPolicy(real), 'connect-src')).toBe(
      "connect-src 'self' https://idp.example.com https://sts.eu-west-1.amazonaws.com https://sts.amazonaws.com",
    );
  });

  it('adds the extra origins to connections and frames', () => {
    const policy = contentSecurityPolicy(real, ' https://login.example.net ');
    expect(directive(policy, 'connect-src')).toContain('https://login.example.net');
    expect(directive(policy, 'frame-src')).toBe(
      "frame-src 'self' https://idp.example.com https://login.example.net",
    );
  });

  it('allows the demo stack for the demo config', () => {
    const demo = contentSecurityPolicy(
      configFile({
        oidc: { authority: 'http://localhost:5180' },
        sts: { region: 'us-east-1', endpoint: 'http://localhost:5190' },
      }),
    );
    expect(directive(demo, 'connect-src')).toContain('http://localhost:5180 http://localhost:5190');
  });
});
