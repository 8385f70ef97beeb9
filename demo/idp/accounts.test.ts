import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAccounts, loadDemoUsers } from './accounts.ts';

describe('demo accounts', () => {
  const accounts = createAccounts(loadDemoUsers());

  it('knows every claim name of the demo users, namespaced ones included', () => {
    expect(accounts.claimNames).toEqual(
      expect.arrayContaining([
        'sub',
        'groups',
        'https://aws.amazon.com/tags',
        'https://aws.amazon.com/source_identity',
        'https://rolecall.example/roles',
      ]),
    );
  });

  it('finds an account by sub and returns all of its claims', async () => {
    const account = await accounts.findAccount(undefined, 'user-alice');
    const claims = await account?.claims('id_token', 'openid', {}, []);

    expect(account?.accountId).toBe('user-alice');
    expect(claims).toEqual(accounts.findByUsername('alice')?.claims);
    expect(await accounts.findAccount(undefined, 'user-nobody')).toBeUndefined();
  });

  it('names the file and the field when the users file is invalid', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'rolecall-idp-')), 'users.json');
    writeFileSync(file, JSON.stringify({ users: [{ username: 'dave', claims: {} }] }));

    expect(() => loadDemoUsers(file)).toThrow(file);
    expect(() => loadDemoUsers(file)).toThrow(/users\[0\]\.claims\.sub/);
  });
});
