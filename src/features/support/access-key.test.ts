import { describe, expect, it } from 'vitest';
import { checkAccessKeyId } from './access-key';

describe('checkAccessKeyId', () => {
  it('tells long-term from temporary keys, trimming spaces', () => {
    expect(checkAccessKeyId(' AKIAIOSFODNN7EXAMPLE ')).toEqual({
      ok: true,
      keyId: 'AKIAIOSFODNN7EXAMPLE',
      kind: 'long-term',
    });
    expect(checkAccessKeyId('ASIAXAMPLE7KQ2EXAMPL')).toMatchObject({ ok: true, kind: 'temporary' });
  });

  it('refuses what is not an access key id, saying why', () => {
    expect(checkAccessKeyId('')).toMatchObject({ ok: false });
    expect(checkAccessKeyId('AROAEXAMPLEEXAMPLE12')).toMatchObject({
      ok: false,
      problem: expect.stringContaining('AROA'),
    });
    expect(checkAccessKeyId('wJalrXUtnFEMI/K7MDENG')).toMatchObject({
      ok: false,
      problem: expect.stringContaining('not the secret'),
    });
    expect(checkAccessKeyId('ASIA123')).toMatchObject({ ok: false });
  });
});
