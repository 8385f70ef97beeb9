import { describe, expect, it } from 'vitest';
import { toRoleSessionName } from './session-name';

const VALID = /^[\w+=,.@-]{2,64}$/;

describe('toRoleSessionName', () => {
  it('keeps an email address as it is', () => {
    expect(toRoleSessionName('alice@example.com')).toBe('alice@example.com');
  });

  it('replaces characters STS refuses', () => {
    expect(toRoleSessionName('Alice Anders/ops#1')).toBe('Alice-Anders-ops-1');
  });

  it('strips accents rather than dropping the letter', () => {
    expect(toRoleSessionName('José Müller')).toBe('Jose-Muller');
  });

  it('cuts to 64 characters', () => {
    const name = toRoleSessionName(`${'a'.repeat(70)}@example.com`);
    expect(name).toHaveLength(64);
    expect(name).toMatch(VALID);
  });

  it('pads a value that is too short', () => {
    expect(toRoleSessionName('x')).toBe('rolecall-x');
    expect(toRoleSessionName('')).toBe('rolecall');
    expect(toRoleSessionName('!!!')).toBe('rolecall');
  });

  it.each(['用户', '   ', 'a b c', 'ÅÄÖ', "o'brien"])(
    'always yields a valid name for %j',
    (value) => {
      expect(toRoleSessionName(value)).toMatch(VALID);
    },
  );
});
