import { describe, expect, it } from 'vitest';
import { defaultProfileName, resolveProfileName, sanitizeProfileName } from './profile-name';

const SESSION = { accountName: 'Sandbox', accountId: '111111111111', roleName: 'Developer' };

describe('defaultProfileName', () => {
  it('joins account and role in lower case', () => {
    expect(defaultProfileName(SESSION)).toBe('sandbox-developer');
  });

  it('uses the account ID when the account has no name', () => {
    expect(defaultProfileName({ ...SESSION, accountName: '' })).toBe('111111111111-developer');
  });

  it('makes names with spaces and accents safe', () => {
    expect(
      defaultProfileName({ ...SESSION, accountName: 'Équipe Données', roleName: 'Read Only' }),
    ).toBe('equipe-donnees-read-only');
  });

  it('falls back to "rolecall" when nothing safe is left', () => {
    expect(defaultProfileName({ accountName: '🚀', accountId: '', roleName: '' })).toBe('rolecall');
  });
});

describe('sanitizeProfileName', () => {
  it.each([
    ['prod-admin', 'prod-admin'],
    ['Prod_Admin.2', 'Prod_Admin.2'],
    ['my profile', 'my-profile'],
    ['[evil]\n[default]', 'evil-default'],
    ['--profile', 'profile'],
    ['../../etc', 'etc'],
    ['a'.repeat(80), 'a'.repeat(64)],
    ['', ''],
  ])('turns %j into %j', (raw, safe) => {
    expect(sanitizeProfileName(raw)).toBe(safe);
  });
});

describe('resolveProfileName', () => {
  it('uses the typed name, sanitised, or the default when nothing is left', () => {
    expect(resolveProfileName('ci deploy', SESSION)).toBe('ci-deploy');
    expect(resolveProfileName('', SESSION)).toBe('sandbox-developer');
    expect(resolveProfileName('   ', SESSION)).toBe('sandbox-developer');
    expect(resolveProfileName(undefined, SESSION)).toBe('sandbox-developer');
  });
});

describe('resolveProfileName and reserved names', () => {
  it('falls back to the default for __proto__, which the JavaScript SDK refuses', () => {
    expect(
      resolveProfileName('__proto__', {
        accountName: 'Sandbox',
        accountId: '111111111111',
        roleName: 'Dev',
      }),
    ).toBe('sandbox-dev');
  });
});
