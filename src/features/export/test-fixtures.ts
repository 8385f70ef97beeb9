import type { ExportInput } from './export-input';

export const EXPIRES_AT = Date.UTC(2026, 0, 1, 13, 0, 0);

/** Shaped like real STS output: base64-ish secrets, an ASIA key ID. */
export const REALISTIC: ExportInput = {
  credentials: {
    accessKeyId: 'ASIAXAMPLE7KQ2EXAMPL',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY',
    sessionToken:
      'IQoJb3JpZ2luX2VjEJr//////////wEaCWV1LXdlc3QtMSJHMEUCIQD+6rG0a3YbHU1x8jVZ9uZ0eXAmPLe+TOKEN=',
    expiresAt: EXPIRES_AT,
  },
  region: 'eu-west-1',
  accountId: '111111111111',
  accountName: 'Sandbox',
  roleName: 'Developer',
};

/** Values no AWS service issues, which every format must still write exactly or refuse. */
export const HOSTILE: readonly string[] = [
  `it's "quoted"`,
  '$(touch /tmp/rolecall-pwned) ${HOME} $HOME',
  '`id`',
  "'",
  "''",
  '\\',
  'trailing\\',
  '!! !$ !-1',
  '%PATH% %%',
  '^&|<>();',
  'é😀 漢字 \u2018smart\u2019 \u201a\u201b',
  'line1\nline2\n',
  '\r\n\t',
  '\u001b[31mred\u001b[0m \u007f',
  '\u202eoverride\u200d \u2028 \u0085\u009b',
  '-e',
  '--help',
  ' leading and trailing ',
  '#not a comment ;nor this',
  '*?[a-z]~ {a,b}',
  '\\x41 \\n \\\\',
  'a=b=c',
];

export function withValues(value: string): ExportInput {
  return {
    ...REALISTIC,
    credentials: {
      accessKeyId: value,
      secretAccessKey: `${value}/secret`,
      sessionToken: `token:${value}`,
      expiresAt: EXPIRES_AT,
    },
    region: value,
  };
}
