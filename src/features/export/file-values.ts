import { assertEncodable, ExportFormatError } from './export-error';
import { escapePasteUnsafe, refuseCharacters, utf16Units } from './paste-safety';

/**
 * A dotenv value in single quotes. Node's dotenv and Docker Compose read single quotes literally,
 * but python-dotenv expands ${VAR} even there (theskumar/python-dotenv#422), and the readers
 * disagree on escapes: so ', \ and $ are refused rather than escaped.
 */
export function dotenvValue(value: string, field: string): string {
  assertEncodable(value, field);
  refuseCharacters(value, field, 'a .env file', /['\\$]/);
  return `'${value}'`;
}

/**
 * A value for `docker run --env-file`: Docker takes everything after the first = literally, quotes
 * included, so nothing is quoted; one line per variable, so line breaks cannot be written.
 */
export function dockerEnvValue(value: string, field: string): string {
  assertEncodable(value, field);
  refuseCharacters(value, field, 'a Docker env file');
  return value;
}

/**
 * A value for `key = value` in ~/.aws/credentials. The AWS CLI (Python configparser) and the SDKs'
 * own INI readers trim the value, and the JavaScript SDK cuts a line at " #" or " ;" as a comment.
 */
export function iniValue(value: string, field: string): string {
  assertEncodable(value, field);
  refuseCharacters(value, field, 'the credentials file');
  if (/^\s|\s$/u.test(value)) {
    throw new ExportFormatError(
      `The ${field} starts or ends with whitespace, which the credentials file cannot keep.`,
    );
  }
  if (/(^|\s)[#;]/u.test(value)) {
    throw new ExportFormatError(
      `The ${field} has a # or ; where some AWS SDKs would read a comment.`,
    );
  }
  return value;
}

/** Pretty JSON with every paste-unsafe character escaped, where JSON.stringify only escapes C0. */
export function pasteSafeJson(data: unknown): string {
  // Strings come out of JSON.stringify with C0 already escaped, so a raw line feed is indentation.
  return escapePasteUnsafe(JSON.stringify(data, null, 2), (char) =>
    char === '\n'
      ? char
      : utf16Units(char)
          .map((unit) => `\\u${unit}`)
          .join(''),
  );
}
