import { describe, expect, it } from 'vitest';
import type { RoleSession } from '../../types/session';
import { supportSummary } from './support-summary';

const SECRETS = {
  accessKeyId: 'ASIAQSANDBOXDEV12345',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY',
  sessionToken: 'IQoJb3JpZ2luX2VjEHoaCXVzLWVhc3QtMSJHMEUCIQD',
};

const session: RoleSession = {
  role: {
    arn: 'arn:aws:iam::111111111111:role/Developer',
    accountId: '111111111111',
    accountName: 'Sandbox',
    accountColor: '#0ea5e9',
    name: 'Developer',
    label: 'Developer',
    source: 'config',
    preferred: false,
  },
  roleSessionName: 'alice@example.com',
  credentials: { ...SECRETS, expiresAt: Date.parse('2026-01-01T13:00:00Z') },
  assumedRoleArn: 'arn:aws:sts::111111111111:assumed-role/Developer/alice@example.com',
  assumedRoleId: 'AROAQSANDBOXDEV00001:alice@example.com',
  sourceIdentity: 'alice',
  subject: 'user-alice',
  audience: 'rolecall',
  provider: 'arn:aws:iam::111111111111:oidc-provider/localhost:5180',
  identity: {
    account: '111111111111',
    arn: 'arn:aws:sts::111111111111:assumed-role/Developer/alice@example.com',
    userId: 'AROAQSANDBOXDEV00001:alice@example.com',
  },
  durationSeconds: 3600,
  receivedAt: Date.parse('2026-01-01T12:00:00Z'),
  localExpiresAt: Date.parse('2026-01-01T13:00:00Z'),
  calls: [
    { action: 'AssumeRoleWithWebIdentity', requestId: 'req-assume-1', clockOffsetMs: 0 },
    { action: 'GetCallerIdentity', requestId: 'req-whoami-2', clockOffsetMs: 0 },
  ],
  chain: [],
  token: {
    issuer: 'http://localhost:5180',
    subject: 'user-alice',
    audience: 'rolecall',
    issuedAt: Date.parse('2026-01-01T11:59:00Z'),
    tags: { Team: ['platform'] },
    transitiveTagKeys: ['Team'],
  },
};

const context = {
  now: Date.parse('2026-01-01T12:10:00Z'),
  stsEndpoint: 'http://localhost:5190',
  stsRegion: 'us-east-1',
};

describe('supportSummary', () => {
  it('holds the facts support needs, with the STS request ids', () => {
    const text = supportSummary(session, context);
    expect(text).toContain(
      'Assumed role ARN: "arn:aws:sts::111111111111:assumed-role/Developer/alice@example.com"',
    );
    expect(text).toContain('Account: "Sandbox (111111111111)"');
    expect(text).toContain('Source identity: "alice"');
    expect(text).toContain('STS region: "us-east-1"');
    expect(text).toContain('STS endpoint: "http://localhost:5190"');
    expect(text).toContain('Token issuer: "http://localhost:5180"');
    expect(text).toContain(
      'IAM OIDC provider: "arn:aws:iam::111111111111:oidc-provider/localhost:5180"',
    );
    expect(text).toContain('Session tag "Team": "platform"');
    expect(text).toContain('STS request id (AssumeRoleWithWebIdentity): "req-assume-1"');
    expect(text).toContain('STS request id (GetCallerIdentity): "req-whoami-2"');
    expect(text).toContain('Credentials expire: "2026-01-01T13:00:00.000Z"');
  });

  it('never holds a key, secret or session token', () => {
    const text = supportSummary(session, context);
    for (const secret of Object.values(SECRETS)) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(secret.slice(0, 12));
    }
    expect(text).not.toMatch(/ASIA[A-Z0-9]{16}/);
    expect(text).not.toMatch(/eyJ/);
  });

  it('leaves out what the session does not have', () => {
    const text = supportSummary(
      { ...session, sourceIdentity: undefined, token: { ...session.token, tags: {} } },
      context,
    );
    expect(text).not.toContain('Source identity');
    expect(text).not.toContain('Session tag');
  });

  it('keeps one fact per line whatever a claim or tag holds', () => {
    const forged = `platform\nConfirmed by GetCallerIdentity: yes\u2028Account: Other (999999999999)`;
    const text = supportSummary(
      {
        ...session,
        sourceIdentity: 'alice\r\nToken subject: admin',
        token: { ...session.token, tags: { Team: [forged], 'Key\nInjected': ['x'] } },
      },
      context,
    );
    const lines = text.split(/\r\n|\r|\n|\u2028|\u2029/);
    expect(lines.filter((line) => line.startsWith('Confirmed by GetCallerIdentity'))).toEqual([]);
    expect(lines.filter((line) => line.startsWith('Account:'))).toHaveLength(1);
    expect(lines.filter((line) => line.startsWith('Token subject:'))).toHaveLength(1);
    expect(text).toContain(
      'Session tag "Team": "platform\\nConfirmed by GetCallerIdentity: yes\\u2028Account: Other (999999999999)"',
    );
    expect(text).toContain('Session tag "Key\\nInjected": "x"');
  });
});
