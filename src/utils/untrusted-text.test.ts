import { describe, expect, it } from 'vitest';
import { quotedValue, readableJson, visibleText } from './untrusted-text';

describe('visibleText', () => {
  it('shows a right-to-left override instead of obeying it', () => {
    expect(visibleText('Alice\u202Emoc.elpmaxe@ecila')).toBe('Alice⟨U+202E⟩moc.elpmaxe@ecila');
  });

  it('shows line breaks, separators and zero-width characters', () => {
    expect(visibleText('a\nb\u2028c\u200bd\u2066e')).toBe('a⟨U+000A⟩b⟨U+2028⟩c⟨U+200B⟩d⟨U+2066⟩e');
  });

  it('shows tag characters, which spell ASCII no one can see, and the soft hyphen', () => {
    expect(visibleText('ok\u{E0049}\u{E0047}\u00ad')).toBe('ok⟨U+E0049⟩⟨U+E0047⟩⟨U+00AD⟩');
  });

  it('shows fillers, variation selectors and other characters that print as nothing', () => {
    // Halfwidth Hangul filler; a variation selector from the supplement; the Mongolian free
    // variation selectors; the combining grapheme joiner; the Khmer inherent vowels.
    const invisible = [
      0xffa0, 0xe0100, 0xe01ef, 0x180b, 0x180c, 0x180d, 0x180f, 0x034f, 0x17b4, 0x17b5,
    ];
    for (const point of invisible) {
      const code = `U+${point.toString(16).toUpperCase().padStart(4, '0')}`;
      expect(visibleText(`a${String.fromCodePoint(point)}b`), code).toBe(`a⟨${code}⟩b`);
    }
  });

  it('cuts a long value and says how much was left out', () => {
    expect(visibleText('x'.repeat(10_000), 40)).toBe(`${'x'.repeat(40)}… (9960 more characters)`);
  });

  it('leaves ordinary text, accents and other scripts alone', () => {
    expect(visibleText('José Müller 山田 عربي')).toBe('José Müller 山田 عربي');
  });
});

describe('quotedValue', () => {
  it('keeps a forged line inside its value', () => {
    const forged = 'platform\nConfirmed by GetCallerIdentity: yes';
    expect(quotedValue(forged)).toBe('"platform\\nConfirmed by GetCallerIdentity: yes"');
    expect(quotedValue(forged).split('\n')).toHaveLength(1);
  });

  it('escapes the separators that some viewers break lines at, quotes and backslashes', () => {
    expect(quotedValue('a\u2028b\u2029c"d\\e\u202e')).toBe('"a\\u2028b\\u2029c\\"d\\\\e\\u202e"');
  });

  it('escapes a tag character as JSON does, one \\u escape per UTF-16 unit', () => {
    expect(quotedValue('ok\u{E0049}')).toBe('"ok\\udb40\\udc49"');
  });
});

describe('readableJson', () => {
  it('writes invisible characters in strings as JSON escapes and stays the same JSON', () => {
    const claims = { name: 'Mallory \u202E', tags: ['ok\u{E0049}', 'a\u2028b\u200Bc'] };
    const text = readableJson(claims);
    expect(text).toBe(
      '{\n  "name": "Mallory \\u202e",\n  "tags": [\n    "ok\\udb40\\udc49",\n    "a\\u2028b\\u200bc"\n  ]\n}',
    );
    expect(JSON.parse(text)).toEqual(claims);
  });

  it('escapes fillers, variation selectors and the other characters that print as nothing', () => {
    const claims = {
      name: 'a\uFFA0b\u034Fc\u17B4\u17B5d',
      tags: ['\u180B\u180C\u180D\u180F', 'ok\u{E0100}\u{E01EF}'],
    };
    const text = readableJson(claims);
    expect(text).toBe(
      '{\n  "name": "a\\uffa0b\\u034fc\\u17b4\\u17b5d",\n  "tags": [\n    "\\u180b\\u180c\\u180d\\u180f",\n    "ok\\udb40\\udd00\\udb40\\uddef"\n  ]\n}',
    );
    expect(JSON.parse(text)).toEqual(claims);
  });
});
