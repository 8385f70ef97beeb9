import { describe, expect, it } from 'vitest';
import { ExportFormatError } from './export-error';
import { cmdSet, quoteBash, quoteFish, quotePowerShell } from './shell-quote';

describe('quoteBash', () => {
  it.each([
    ['ASIAXAMPLE', "'ASIAXAMPLE'"],
    ['wJalr/K7+bPx=', "'wJalr/K7+bPx='"],
    ['', "''"],
    ['$(id) `id` ${HOME} \\ !! %PATH% ^&|<>', "'$(id) `id` ${HOME} \\ !! %PATH% ^&|<>'"],
    ["it's", "'it'\\''s'"],
    ["'", "\\'"],
    ["''x", "\\'\\''x'"],
    ['é😀', "'é😀'"],
  ])('single-quotes %j as %s', (value, quoted) => {
    expect(quoteBash(value, 'value')).toBe(quoted);
  });

  it('never writes a quoted run next to an empty one, which zsh RC_QUOTES would misread', () => {
    expect(quoteBash("a''b'", 'value')).not.toMatch(/[^\\]''/);
  });

  it.each([
    ['a\nb', "$'a\\x0ab'"],
    ['\t', "$'\\x09'"],
    ["x'\\!\u001b", "$'x\\x27\\x5c\\x21\\x1b'"],
    ['\u202e\u0085é', "$'\\xe2\\x80\\xae\\xc2\\x85é'"],
  ])('writes %j with control characters as $-quoted UTF-8 bytes: %s', (value, quoted) => {
    expect(quoteBash(value, 'value')).toBe(quoted);
  });

  it('refuses a NUL and a lone surrogate, naming the field but not the value', () => {
    expect(() => quoteBash('sec\0ret', 'session token')).toThrow(
      new ExportFormatError(
        'The session token contains a NUL character, which no format can carry.',
      ),
    );
    expect(() => quoteBash('\ud800', 'session token')).toThrow(/lone surrogate/);
  });
});

describe('quoteFish', () => {
  it.each([
    ['ASIAXAMPLE', "'ASIAXAMPLE'"],
    ['', "''"],
    ["it's a \\ $HOME (x) `y` *", "'it\\'s a \\\\ $HOME (x) `y` *'"],
    ['a\nb', "'a'\\x0a'b'"],
    ['\u001bz\u009b', "\\x1b'z'\\xc2\\x9b"],
  ])('quotes %j as %s', (value, quoted) => {
    expect(quoteFish(value, 'value')).toBe(quoted);
  });
});

describe('quotePowerShell', () => {
  it.each([
    ['ASIAXAMPLE', "'ASIAXAMPLE'"],
    ['$Env:HOME $(x) `n "q" %PATH%', '\'$Env:HOME $(x) `n "q" %PATH%\''],
    ["it's", "'it''s'"],
    ['\u2018a\u2019b\u201ac\u201b', "'\u2018\u2018a\u2019\u2019b\u201a\u201ac\u201b\u201b'"],
    ['a\nb', "'a' + [char]0x000a + 'b'"],
    ['\r\n', "'' + [char]0x000d + [char]0x000a"],
    ['😀\u{e0001}', "'😀' + [char]0xdb40 + [char]0xdc01"],
  ])('quotes %j as %s', (value, quoted) => {
    expect(quotePowerShell(value, 'value')).toBe(quoted);
  });

  it('refuses an empty value, which would delete the variable', () => {
    expect(() => quotePowerShell('', 'region')).toThrow(/region is empty/);
  });
});

describe('cmdSet', () => {
  it('wraps the whole assignment in quotes so ^ & | < > ( ) stay literal', () => {
    expect(cmdSet('AWS_X', 'a^b&c|d<e>f(g) é', 'value')).toBe('set "AWS_X=a^b&c|d<e>f(g) é"');
  });

  it.each([
    ['a"b', 'a double quote (")'],
    ['%PATH%', 'a percent sign (%)'],
    ['x!y!', 'an exclamation mark (!)'],
    ['a\nb', 'a line break'],
    ['a\u202eb', 'the character U+202E'],
  ])('refuses %j: it contains %s', (value, described) => {
    expect(() => cmdSet('AWS_X', value, 'secret access key')).toThrow(
      `The secret access key contains ${described}, which Windows cmd cannot carry safely.`,
    );
  });

  it('refuses an empty value and a line longer than cmd reads', () => {
    expect(() => cmdSet('AWS_X', '', 'value')).toThrow(/empty/);
    expect(() => cmdSet('AWS_X', 'a'.repeat(8200), 'value')).toThrow(/too long/);
    expect(cmdSet('AWS_X', 'a'.repeat(8191 - 'set "AWS_X="'.length), 'value')).toHaveLength(8191);
  });
});
