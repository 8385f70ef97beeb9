/**
 * A value that a format cannot carry safely. The message names the field and the character, never
 * the value: these are secrets.
 */
export class ExportFormatError extends Error {
  override name = 'ExportFormatError';
}

const NAMED: Record<string, string> = {
  '\n': 'a line break',
  '\r': 'a carriage return',
  '\t': 'a tab',
  '\0': 'a NUL character',
  '"': 'a double quote (")',
  "'": "a single quote (')",
  '\\': 'a backslash (\\)',
  '%': 'a percent sign (%)',
  '!': 'an exclamation mark (!)',
  $: 'a dollar sign ($)',
};

export function describeCharacter(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const codePoint = char.codePointAt(0) ?? 0;
  return `the character U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Throws when `value` contains something no format can carry: a NUL or a lone UTF-16 surrogate. */
export function assertEncodable(value: string, field: string): void {
  // NUL ends a C string, so no environment variable or file parser keeps what follows it.
  if (value.includes('\0')) {
    throw new ExportFormatError(
      `The ${field} contains a NUL character, which no format can carry.`,
    );
  }
  // A lone surrogate has no UTF-8 encoding: it would silently become U+FFFD.
  if (/\p{Cs}/u.test(value)) {
    throw new ExportFormatError(`The ${field} is not valid Unicode (it has a lone surrogate).`);
  }
}
