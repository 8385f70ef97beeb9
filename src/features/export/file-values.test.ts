import { describe, expect, it } from 'vitest';
import { dockerEnvValue, dotenvValue, iniValue, pasteSafeJson } from './file-values';

describe('dotenvValue', () => {
  it('single-quotes, so # " and backticks stay literal', () => {
    expect(dotenvValue('a #c "d" `e` %P% é', 'value')).toBe(`'a #c "d" \`e\` %P% é'`);
  });

  it.each([
    ['a${HOME}b', 'a dollar sign'],
    ["it's", 'a single quote'],
    ['a\\b', 'a backslash'],
    ['a\nb', 'a line break'],
  ])('refuses %j: it contains %s', (value, described) => {
    expect(() => dotenvValue(value, 'session token')).toThrow(
      `The session token contains ${described}`,
    );
  });
});

describe('dockerEnvValue', () => {
  it('writes the value as it is: Docker does not unquote', () => {
    expect(dockerEnvValue(`'q' "d" $X #c \\ ' x `, 'value')).toBe(`'q' "d" $X #c \\ ' x `);
  });

  it.each(['a\nb', 'a\rb', 'a\u2028b'])('refuses %j, which would end the line', (value) => {
    expect(() => dockerEnvValue(value, 'value')).toThrow(/Docker env file cannot carry/);
  });
});

describe('iniValue', () => {
  it('writes %, quotes and an inner # as they are', () => {
    expect(iniValue(`%(x)s "q" 'q' a#b;c`, 'value')).toBe(`%(x)s "q" 'q' a#b;c`);
  });

  it.each([
    [' lead', /starts or ends with whitespace/],
    ['trail\u00a0', /starts or ends with whitespace/],
    ['#start', /comment/],
    ['a #b', /comment/],
    ['a ;b', /comment/],
    ['a\nb = c', /line break/],
  ])('refuses %j', (value, reason) => {
    expect(() => iniValue(value, 'value')).toThrow(reason);
  });
});

describe('pasteSafeJson', () => {
  it('escapes every control and format character and keeps the indentation', () => {
    const text = pasteSafeJson({ a: 'x\n\u007f\u0085\u202e\u2028é😀"\\' });
    expect(text).toBe('{\n  "a": "x\\n\\u007f\\u0085\\u202e\\u2028é😀\\"\\\\"\n}');
    expect(JSON.parse(text)).toEqual({ a: 'x\n\u007f\u0085\u202e\u2028é😀"\\' });
  });
});
