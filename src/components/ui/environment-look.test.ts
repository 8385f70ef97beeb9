import { describe, expect, it } from 'vitest';
import { environmentLook } from './environment-look';

describe('environmentLook', () => {
  it('marks production red, staging amber and the rest grey', () => {
    expect(environmentLook('production').frame).toContain('red');
    expect(environmentLook('Prod EU').frame).toContain('red');
    expect(environmentLook('staging').frame).toContain('amber');
    expect(environmentLook('sandbox').frame).toContain('slate');
  });

  it('has a dark-mode variant for every look', () => {
    for (const word of ['production', 'staging', 'sandbox']) {
      expect(environmentLook(word).badge).toContain('dark:');
      expect(environmentLook(word).frame).toContain('dark:');
    }
  });
});
