import { assertEncodable, ExportFormatError } from './export-error';
import {
  isPasteUnsafe,
  refuseCharacters,
  splitPasteUnsafe,
  utf16Units,
  utf8HexEscapes,
} from './paste-safety';

/** A bash/zsh word that evaluates to exactly `value`. */
export function quoteBash(value: string, field: string): string {
  assertEncodable(value, field);
  if (value === '') return "''";
  if (!isPasteUnsafe(value)) {
    // Single quotes keep everything literal, `!` included (history expansion honours them). A quote
    // is written \' between runs, never as '' — zsh's RC_QUOTES would read '' as a quote.
    return value
      .split("'")
      .map((run) => (run === '' ? '' : `'${run}'`))
      .join("\\'");
  }
  // ANSI-C quoting, so the pasted text holds no control characters. ' \ and ! are escaped too: an
  // interactive bash's history expansion does not understand $'...' and must not see them.
  let body = '';
  for (const char of value) {
    body += isPasteUnsafe(char) || "'\\!".includes(char) ? utf8HexEscapes(char) : char;
  }
  return `$'${body}'`;
}

/** A fish word that evaluates to exactly `value`. */
export function quoteFish(value: string, field: string): string {
  assertEncodable(value, field);
  if (value === '') return "''";
  // Inside fish's single quotes only \\ and \' are escapes; unsafe characters go between the
  // quoted runs as \xHH bytes, which fish concatenates into the same word.
  return splitPasteUnsafe(value)
    .map(({ text, unsafe }) =>
      unsafe ? utf8HexEscapes(text) : `'${text.replace(/[\\']/g, (char) => `\\${char}`)}'`,
    )
    .join('');
}

// PowerShell also ends a single-quoted string at the typographic single quotes; doubling any of
// them inside one yields that character.
const POWERSHELL_QUOTES = /['\u2018\u2019\u201a\u201b]/g;

/** A PowerShell expression that evaluates to exactly `value`. */
export function quotePowerShell(value: string, field: string): string {
  assertEncodable(value, field);
  if (value === '') {
    throw new ExportFormatError(
      `The ${field} is empty: PowerShell would delete the variable instead of setting it.`,
    );
  }
  const parts = splitPasteUnsafe(value).flatMap(({ text, unsafe }) =>
    unsafe
      ? utf16Units(text).map((unit) => `[char]0x${unit}`)
      : [`'${text.replace(POWERSHELL_QUOTES, (quote) => quote + quote)}'`],
  );
  // string + [char] is a string, but [char] + string is not: start from a string.
  if (!parts[0].startsWith("'")) parts.unshift("''");
  return parts.join(' + ');
}

// cmd.exe reads at most 8191 characters per line.
const CMD_MAX_LINE = 8191;

/**
 * `set "NAME=value"` for cmd.exe. The quotes keep ^ & | < > ( ) literal, but nothing escapes %VAR%
 * at the prompt, !VAR! under delayed expansion, or a " that would end the quoting, so those and
 * line breaks are refused.
 */
export function cmdSet(name: string, value: string, field: string): string {
  assertEncodable(value, field);
  if (value === '') {
    throw new ExportFormatError(
      `The ${field} is empty: cmd would delete the variable instead of setting it.`,
    );
  }
  refuseCharacters(value, field, 'Windows cmd', /["%!]/);
  const line = `set "${name}=${value}"`;
  if (line.length > CMD_MAX_LINE) {
    throw new ExportFormatError(
      `The ${field} is too long for one cmd line (${CMD_MAX_LINE} characters at most).`,
    );
  }
  return line;
}
