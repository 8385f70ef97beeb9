import { assertEncodable, ExportFormatError } from './export-error';
import type { ExportInput, ExportOptions } from './export-input';
import { dockerEnvValue, dotenvValue, iniValue, pasteSafeJson } from './file-values';
import { refuseCharacters } from './paste-safety';
import { localExpiry } from './local-expiry';
import { resolveProfileName } from './profile-name';
import { cmdSet, quoteBash, quoteFish, quotePowerShell } from './shell-quote';

export type ExportFormatId =
  | 'bash'
  | 'fish'
  | 'powershell'
  | 'cmd'
  | 'credentials-file'
  | 'dotenv'
  | 'docker-env-file'
  | 'credential-process';

export interface ExportFormat {
  id: ExportFormatId;
  label: string;
  /** Where the text goes, in one sentence. */
  description: string;
  /** A file to save it as, for the formats that are files. */
  filename?: string;
  usesProfileName: boolean;
  /** Throws ExportFormatError when a value cannot be written safely in this format. */
  render: (input: ExportInput, options?: ExportOptions) => string;
}

type Variable = { name: string; field: string; value: string };

function variables({ credentials, region }: ExportInput): Variable[] {
  return [
    { name: 'AWS_ACCESS_KEY_ID', field: 'access key ID', value: credentials.accessKeyId },
    {
      name: 'AWS_SECRET_ACCESS_KEY',
      field: 'secret access key',
      value: credentials.secretAccessKey,
    },
    { name: 'AWS_SESSION_TOKEN', field: 'session token', value: credentials.sessionToken },
    { name: 'AWS_REGION', field: 'region', value: region },
    { name: 'AWS_DEFAULT_REGION', field: 'region', value: region },
    // Read by the AWS CLI and SDKs to know when to stop using the credentials.
    {
      name: 'AWS_CREDENTIAL_EXPIRATION',
      field: 'expiry',
      value: isoExpiry(credentials.expiresAt),
    },
  ];
}

/** The comment line above the variables, for formats whose readers skip comments. */
const expiryComment = (marker: string) => (input: ExportInput) =>
  `${marker} Temporary credentials from Rolecall, valid until ${localExpiry(input.credentials.expiresAt)} local time.`;

function eachVariable(
  line: (variable: Variable) => string,
  comment?: (input: ExportInput) => string,
): (input: ExportInput) => string {
  return (input) =>
    [...(comment ? [comment(input)] : []), ...variables(input).map(line)].join('\n');
}

// Files end with a line break; shell blocks do not, so pasting one leaves the last line for Enter.
function fileOfVariables(line: (variable: Variable) => string): (input: ExportInput) => string {
  const render = eachVariable(line, expiryComment('#'));
  return (input) => `${render(input)}\n`;
}

/** The expiry as ISO 8601 in whole seconds, as STS reports it. */
export function isoExpiry(expiresAt: number): string {
  const date = new Date(expiresAt);
  if (Number.isNaN(date.getTime())) {
    throw new ExportFormatError('The expiry time is not a valid date.');
  }
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function credentialsFile(input: ExportInput, options: ExportOptions = {}): string {
  const profile = resolveProfileName(options.profileName, input);
  const { credentials, region } = input;
  refuseCharacters(region, 'region', 'the credentials file');
  // The credentials file is for credentials; region belongs to the profile in ~/.aws/config. Say
  // so in a comment rather than write a setting that not every SDK reads from this file.
  return `${[
    `# Temporary credentials from Rolecall, valid until ${isoExpiry(credentials.expiresAt)} (${localExpiry(credentials.expiresAt)} local time).`,
    `# Region: add "region = ${region}" under [profile ${profile}] in ~/.aws/config.`,
    `[${profile}]`,
    `aws_access_key_id = ${iniValue(credentials.accessKeyId, 'access key ID')}`,
    `aws_secret_access_key = ${iniValue(credentials.secretAccessKey, 'secret access key')}`,
    `aws_session_token = ${iniValue(credentials.sessionToken, 'session token')}`,
  ].join('\n')}\n`;
}

function credentialProcess({ credentials }: ExportInput): string {
  assertEncodable(credentials.accessKeyId, 'access key ID');
  assertEncodable(credentials.secretAccessKey, 'secret access key');
  assertEncodable(credentials.sessionToken, 'session token');
  const output = {
    Version: 1,
    AccessKeyId: credentials.accessKeyId,
    SecretAccessKey: credentials.secretAccessKey,
    SessionToken: credentials.sessionToken,
    Expiration: isoExpiry(credentials.expiresAt),
  };
  return `${pasteSafeJson(output)}\n`;
}

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  {
    id: 'bash',
    label: 'bash/zsh',
    description: 'Paste into a bash or zsh terminal; the variables last until you close it.',
    usesProfileName: false,
    // No comment line: an interactive zsh runs "#" as a command unless interactivecomments is set.
    render: eachVariable(({ name, value, field }) => `export ${name}=${quoteBash(value, field)}`),
  },
  {
    id: 'fish',
    label: 'fish',
    description: 'Paste into a fish terminal; the variables last until you close it.',
    usesProfileName: false,
    // set stops reading options at the variable name, so a value starting with - is safe.
    render: eachVariable(
      ({ name, value, field }) => `set -gx ${name} ${quoteFish(value, field)}`,
      expiryComment('#'),
    ),
  },
  {
    id: 'powershell',
    label: 'PowerShell',
    description: 'Paste into a PowerShell window (Windows PowerShell or PowerShell 7).',
    usesProfileName: false,
    render: eachVariable(
      ({ name, value, field }) => `$Env:${name} = ${quotePowerShell(value, field)}`,
      expiryComment('#'),
    ),
  },
  {
    id: 'cmd',
    label: 'Windows cmd',
    description: 'Paste into a Command Prompt (cmd.exe) window.',
    usesProfileName: false,
    render: eachVariable(
      ({ name, value, field }) => cmdSet(name, value, field),
      expiryComment('REM'),
    ),
  },
  {
    id: 'credentials-file',
    label: 'Credentials file',
    description:
      'Add to ~/.aws/credentials (%USERPROFILE%\\.aws\\credentials on Windows), then pick the profile with --profile or AWS_PROFILE.',
    filename: '~/.aws/credentials',
    usesProfileName: true,
    render: credentialsFile,
  },
  {
    id: 'dotenv',
    label: '.env file',
    description:
      'Save as .env for tools that read dotenv files (Node dotenv, python-dotenv, Docker Compose env_file).',
    filename: '.env',
    usesProfileName: false,
    render: fileOfVariables(({ name, value, field }) => `${name}=${dotenvValue(value, field)}`),
  },
  {
    id: 'docker-env-file',
    label: 'Docker env file',
    description:
      'Save as aws.env and run docker run --env-file aws.env …; Docker takes values literally, so they are not quoted.',
    filename: 'aws.env',
    usesProfileName: false,
    render: fileOfVariables(({ name, value, field }) => `${name}=${dockerEnvValue(value, field)}`),
  },
  {
    id: 'credential-process',
    label: 'credential_process JSON',
    description:
      'What a credential_process command must print: save it, and set credential_process = cat <file> in a profile of ~/.aws/config.',
    filename: 'credentials.json',
    usesProfileName: false,
    render: credentialProcess,
  },
];

export function exportFormat(id: ExportFormatId): ExportFormat {
  const format = EXPORT_FORMATS.find((candidate) => candidate.id === id);
  if (!format) throw new Error(`Unknown export format ${id}`);
  return format;
}
