import { describe, expect, it } from 'vitest';
import { listSetting, portSetting, secondsSetting } from './env.ts';

describe('settings from the environment', () => {
  it('reads a port, falling back when unset or empty', () => {
    expect(portSetting({ P: '5190' }, 'P', 1)).toBe(5190);
    expect(portSetting({}, 'P', 5180)).toBe(5180);
    expect(portSetting({ P: ' ' }, 'P', 5180)).toBe(5180);
    expect(portSetting({ P: '0' }, 'P', 5180)).toBe(0);
  });

  it('refuses what is no port, naming the variable', () => {
    expect(() => portSetting({ P: '70000' }, 'P', 1)).toThrow(
      'P must be a port number (1-65535, or 0 for any free port), got "70000".',
    );
    expect(() => portSetting({ P: 'abc' }, 'P', 1)).toThrow('P must be a port number');
    expect(() => portSetting({ APP_PORT: '0' }, 'APP_PORT', 1, { allowFree: false })).toThrow(
      'APP_PORT must be a port number (1-65535), got "0".',
    );
  });

  it('reads whole seconds and comma-separated lists', () => {
    expect(secondsSetting({ T: '30' }, 'T')).toBe(30);
    expect(secondsSetting({}, 'T')).toBeUndefined();
    expect(() => secondsSetting({ T: '1.5' }, 'T')).toThrow(
      'T must be a whole number of seconds, got "1.5".',
    );
    expect(listSetting({ L: 'a, b,,c ' }, 'L')).toEqual(['a', 'b', 'c']);
    expect(listSetting({}, 'L')).toBeUndefined();
  });
});
