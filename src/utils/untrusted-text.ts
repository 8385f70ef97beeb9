// Text that came from outside Rolecall's control (ID-token claims, links, AWS messages) is shown so
// that it cannot pass for Rolecall's own words: invisible characters are made visible, long values
// are cut, and values written into plain text are quoted and escaped.

/**
 * Characters that change how the text around them reads without being seen: C0/C1 controls, line
 * and paragraph separators, bidirectional overrides and isolates, zero-width characters, the BOM,
 * the soft hyphen, the tag characters (U+E0000–E007F) that spell ASCII no one can see, the Hangul
 * fillers (U+115F, U+1160, U+3164, U+FFA0), variation selectors (U+FE00–FE0F, U+E0100–E01EF, the
 * Mongolian U+180B–180D and U+180F), the combining grapheme joiner (U+034F) and the Khmer inherent
 * vowels (U+17B4, U+17B5).
 */
// Matching control and combining characters is the point here, hence the two rules switched off.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex, no-misleading-character-class
  /[\u0000-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u2069\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb\u{e0000}-\u{e007f}\u{e0100}-\u{e01ef}]/gu;

const codePoint = (character: string) =>
  `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Shows every invisible character as ⟨U+XXXX⟩ and cuts the value to `max` characters. */
export function visibleText(value: string, max = 200): string {
  const shown = value.replace(INVISIBLE, (character) => `⟨${codePoint(character)}⟩`);
  if (shown.length <= max) return shown;
  return `${shown.slice(0, max)}… (${shown.length - max} more characters)`;
}

/**
 * A value for one line of a plain-text report: in double quotes, with backslash, quote and every
 * invisible character escaped (`\n`, `\u2028`…), so that no value can start a line of its own.
 */
export function quotedValue(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(INVISIBLE, jsonEscape);
  return `"${escaped}"`;
}

/**
 * JSON for a person to read (decoded claims): every invisible character inside a string written
 * as its JSON escape, so the text is still the same JSON and shows what it holds.
 */
export function readableJson(value: unknown): string {
  // Outside strings JSON has only its own line breaks, which stay.
  return JSON.stringify(value, null, 2).replace(INVISIBLE, (character) =>
    character === '\n' ? character : jsonEscape(character),
  );
}

/** One \uXXXX per UTF-16 unit, as JSON writes a character beyond U+FFFF. */
function jsonEscape(character: string): string {
  return character
    .split('')
    .map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .join('');
}
