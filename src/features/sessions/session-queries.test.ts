import { describe, expect, it } from 'vitest';
import type { RoleOption } from '../roles/role-catalog';
import { sessionDuration } from './session-queries';

const role = (maxDurationSeconds?: number): RoleOption => ({
  arn: 'arn:aws:iam::111111111111:role/Developer',
  accountId: '111111111111',
  accountName: 'Sandbox',
  accountColor: '#0ea5e9',
  name: 'Developer',
  label: 'Developer',
  maxDurationSeconds,
  source: 'config',
  preferred: false,
});

describe('sessionDuration', () => {
  it('asks for the configured length when the role allows it', () => {
    expect(sessionDuration(3600, role(14400))).toBe(3600);
    expect(sessionDuration(3600, role())).toBe(3600);
  });

  it("caps the length at the role's maximum, so STS does not refuse the call", () => {
    expect(sessionDuration(43200, role(3600))).toBe(3600);
  });
});
