import { describe, expect, it } from 'vitest';
import { maskAccessKeyIds, maskAccountId, maskAccountIds, maskForPresenter } from './mask';

describe('maskAccountId', () => {
  it('hides every digit', () => {
    expect(maskAccountId('111122223333')).toBe('••••••••••••');
  });

  it('leaves anything that is not an account id alone', () => {
    expect(maskAccountId('Sandbox')).toBe('Sandbox');
  });
});

describe('maskAccountIds', () => {
  it('masks the account ids inside ARNs', () => {
    expect(
      maskAccountIds('arn:aws:sts::111122223333:assumed-role/Dev/alice and 444455556666'),
    ).toBe('arn:aws:sts::••••••••••••:assumed-role/Dev/alice and ••••••••••••');
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

describe('maskForPresenter', () => {
  it('masks account ids in headings, links and access key ids together', () => {
    expect(
      maskForPresenter('Developer in 111122223333 (?role=arn:aws:iam::111122223333:role/Dev)'),
    ).toBe('Developer in •••••••••••• (?role=arn:aws:iam::••••••••••••:role/Dev)');
    expect(maskForPresenter('ASIAQSANDBOXDEV12345')).toBe('ASIA••••2345');
  });
});
