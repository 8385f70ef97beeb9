import { describe, expect, it } from 'vitest';
import { maskAccessKeyIds, maskAccountId, maskAccountIds } from './mask';

describe('maskAccountId', () => {
  it('keeps the first and last four digits', () => {
    expect(maskAccountId('111122223333')).toBe('1111••••3333');
  });

  it('leaves anything that is not an account id alone', () => {
    expect(maskAccountId('Sandbox')).toBe('Sandbox');
  });
});

describe('maskAccountIds', () => {
  it('masks the account ids inside ARNs', () => {
    expect(
      maskAccountIds('arn:aws:sts::111122223333:assumed-role/Dev/alice and 444455556666'),
    ).toBe('arn:aws:sts::1111••••3333:assumed-role/Dev/alice and 4444••••6666');
  });

  it('leaves longer numbers alone', () => {
    expect(maskAccountIds('1234567890123456')).toBe('1234567890123456');
  });
});

describe('maskAccessKeyIds', () => {
  it('keeps the prefix and the last four characters', () => {
    expect(maskAccessKeyIds('Credential=ASIAQSANDBOXDEV12345/20260101')).toBe(
      'Credential=ASIA••••2345/20260101',
    );
    expect(maskAccessKeyIds('<AccessKeyId>AKIAQSANDBOXTRAINER1</AccessKeyId>')).toBe(
      '<AccessKeyId>AKIA••••NER1</AccessKeyId>',
    );
  });
});
