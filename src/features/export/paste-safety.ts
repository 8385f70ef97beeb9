import { describeCharacter, ExportFormatError } from './export-error';

// Controls, format characters (bidi overrides, zero-width joiners) and line/paragraph separators:
// a terminal may act on them while text is pasted, or show a line that differs from what runs.
const PASTE_UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const PASTE_UNSAFE_RUNS = /([\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+)/u;

export function isPasteUnsafe(text: string): boolean {
  return PASTE_UNSAFE.test(text);
}

/** `text` with each paste-unsafe character (a whole code point) replaced by `escape(char)`. */
export function escapePasteUnsafe(text: string, escape: (char: string) => string): string {
  return text.replace(new RegExp(PASTE_UNSAFE.source, 'gu'), escape);
}

/** `value` cut into runs of printable text and runs of paste-unsafe characters, none empty. */
export function splitPasteUnsafe(value: string): { text: string; unsafe: boolean }[] {
  // split() with a capturing group puts the unsafe runs at the odd indexes.
  return value
    .split(PASTE_UNSAFE_RUNS)
    .map((text, index) => ({ text, unsafe: index % 2 === 1 }))
    .filter(({ text }) => text !== '');
}

/** Throws when `value` has a character matching `refused` (or a paste-unsafe one). */
export function refuseCharacters(
  value: string,
  field: string,
  formatName: string,
  refused?: RegExp,
): void {
  for (const char of value) {
    if (PASTE_UNSAFE.test(char) || refused?.test(char)) {
      throw new ExportFormatError(
        `The ${field} contains ${describeCharacter(char)}, which ${formatName} cannot carry safely.`,
      );
    }
  }
}

const utf8 = new TextEncoder();

/** Each UTF-8 byte of `text` as `\xHH`: exact whatever the shell's locale. */
export function utf8HexEscapes(text: string): string {
  return Array.from(utf8.encode(text), (byte) => `\\x${byte.toString(16).padStart(2, '0')}`).join(
    '',
  );
}

/** Each UTF-16 code unit of `text` as four hex digits, for languages with .NET or JSON strings. */
export function utf16Units(text: string): string[] {
  return Array.from({ length: text.length }, (_, index) =>
    text.charCodeAt(index).toString(16).padStart(4, '0'),
  );
}
