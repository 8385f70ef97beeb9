import { describe, expect, it } from 'vitest';
import { ExportFormatError } from './export-error';
import { EXPORT_FORMATS, exportFormat, isoExpiry } from './formats';
import { localExpiry } from './local-expiry';
import { EXPIRES_AT, HOSTILE, REALISTIC, withValues } from './test-fixtures';

const COMMENT = `Temporary credentials from Rolecall, valid until ${localExpiry(EXPIRES_AT)} local time.`;

const KEY = REALISTIC.credentials.accessKeyId;
const SECRET = REALISTIC.credentials.secretAccessKey;
const TOKEN = REALISTIC.credentials.sessionToken;

describe('with realistic credentials', () => {
  it('bash/zsh', () => {
    expect(exportFormat('bash').render(REALISTIC)).toBe(
      [
        `export AWS_ACCESS_KEY_ID='${KEY}'`,
        `export AWS_SECRET_ACCESS_KEY='${SECRET}'`,
        `export AWS_SESSION_TOKEN='${TOKEN}'`,
        `export AWS_REGION='eu-west-1'`,
        `export AWS_DEFAULT_REGION='eu-west-1'`,
        `export AWS_CREDENTIAL_EXPIRATION='2026-01-01T13:00:00Z'`,
      ].join('\n'),
    );
  });

  it('fish', () => {
    expect(exportFormat('fish').render(REALISTIC)).toBe(
      [
        `# ${COMMENT}`,
        `set -gx AWS_ACCESS_KEY_ID '${KEY}'`,
        `set -gx AWS_SECRET_ACCESS_KEY '${SECRET}'`,
        `set -gx AWS_SESSION_TOKEN '${TOKEN}'`,
        `set -gx AWS_REGION 'eu-west-1'`,
        `set -gx AWS_DEFAULT_REGION 'eu-west-1'`,
        `set -gx AWS_CREDENTIAL_EXPIRATION '2026-01-01T13:00:00Z'`,
      ].join('\n'),
    );
  });

  it('PowerShell', () => {
    expect(exportFormat('powershell').render(REALISTIC)).toBe(
      [
        `# ${COMMENT}`,
        `$Env:AWS_ACCESS_KEY_ID = '${KEY}'`,
        `$Env:AWS_SECRET_ACCESS_KEY = '${SECRET}'`,
        `$Env:AWS_SESSION_TOKEN = '${TOKEN}'`,
        `$Env:AWS_REGION = 'eu-west-1'`,
        `$Env:AWS_DEFAULT_REGION = 'eu-west-1'`,
        `$Env:AWS_CREDENTIAL_EXPIRATION = '2026-01-01T13:00:00Z'`,
      ].join('\n'),
    );
  });

  it('Windows cmd', () => {
    expect(exportFormat('cmd').render(REALISTIC)).toBe(
      [
        `REM ${COMMENT}`,
        `set "AWS_ACCESS_KEY_ID=${KEY}"`,
        `set "AWS_SECRET_ACCESS_KEY=${SECRET}"`,
        `set "AWS_SESSION_TOKEN=${TOKEN}"`,
        `set "AWS_REGION=eu-west-1"`,
        `set "AWS_DEFAULT_REGION=eu-west-1"`,
        `set "AWS_CREDENTIAL_EXPIRATION=2026-01-01T13:00:00Z"`,
      ].join('\n'),
    );
  });

  it('credentials file, under the default profile name, with the region as a comment', () => {
    expect(exportFormat('credentials-file').render(REALISTIC)).toBe(
      [
        `# Temporary credentials from Rolecall, valid until 2026-01-01T13:00:00Z (${localExpiry(EXPIRES_AT)} local time).`,
        '# Region: add "region = eu-west-1" under [profile sandbox-developer] in ~/.aws/config.',
        '[sandbox-developer]',
        `aws_access_key_id = ${KEY}`,
        `aws_secret_access_key = ${SECRET}`,
        `aws_session_token = ${TOKEN}`,
        '',
      ].join('\n'),
    );
  });

  it('credentials file under a typed profile name, made safe', () => {
    const text = exportFormat('credentials-file').render(REALISTIC, { profileName: 'CI deploy]' });
    expect(text).toContain('\n[CI-deploy]\n');
    expect(text).toContain('[profile CI-deploy] in ~/.aws/config');
  });

  it('.env file', () => {
    expect(exportFormat('dotenv').render(REALISTIC)).toBe(
      [
        `# ${COMMENT}`,
        `AWS_ACCESS_KEY_ID='${KEY}'`,
        `AWS_SECRET_ACCESS_KEY='${SECRET}'`,
        `AWS_SESSION_TOKEN='${TOKEN}'`,
        `AWS_REGION='eu-west-1'`,
        `AWS_DEFAULT_REGION='eu-west-1'`,
        `AWS_CREDENTIAL_EXPIRATION='2026-01-01T13:00:00Z'`,
        '',
      ].join('\n'),
    );
  });

  it('Docker env file, unquoted', () => {
    expect(exportFormat('docker-env-file').render(REALISTIC)).toBe(
      [
        `# ${COMMENT}`,
        `AWS_ACCESS_KEY_ID=${KEY}`,
        `AWS_SECRET_ACCESS_KEY=${SECRET}`,
        `AWS_SESSION_TOKEN=${TOKEN}`,
        'AWS_REGION=eu-west-1',
        'AWS_DEFAULT_REGION=eu-west-1',
        'AWS_CREDENTIAL_EXPIRATION=2026-01-01T13:00:00Z',
        '',
      ].join('\n'),
    );
  });

  it('credential_process JSON', () => {
    expect(exportFormat('credential-process').render(REALISTIC)).toBe(
      `{
  "Version": 1,
  "AccessKeyId": "${KEY}",
  "SecretAccessKey": "${SECRET}",
  "SessionToken": "${TOKEN}",
  "Expiration": "2026-01-01T13:00:00Z"
}
`,
    );
  });
});

describe('with hostile values', () => {
  const everyPair = EXPORT_FORMATS.flatMap((format) =>
    HOSTILE.map((value) => [format.label, JSON.stringify(value), format, value] as const),
  );

  it.each(everyPair)('%s writes %s or refuses it without echoing it', (_, __, format, value) => {
    const input = withValues(value);
    try {
      const text = format.render(input);
      // As many lines as with realistic values, and nothing else a terminal could act on.
      expect(text.split('\n')).toHaveLength(format.render(REALISTIC).split('\n').length);
      expect(text.replace(/\n/g, '')).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u);
    } catch (error) {
      expect(error).toBeInstanceOf(ExportFormatError);
      expect((error as Error).message).not.toContain(input.credentials.secretAccessKey);
    }
  });

  it.each([
    ['cmd', 'a"b'],
    ['cmd', '%PATH%'],
    ['cmd', 'line1\nline2'],
    ['dotenv', "it's"],
    ['dotenv', 'line1\nline2'],
    ['docker-env-file', 'line1\nline2'],
    ['docker-env-file', 'ends with CR\r'],
    ['credentials-file', 'line1\n[default]'],
    ['credentials-file', 'a #b'],
  ] as const)('%s refuses %j', (id, value) => {
    expect(() => exportFormat(id).render(withValues(value))).toThrow(ExportFormatError);
  });

  it.each(['bash', 'fish', 'powershell', 'credential-process'] as const)(
    '%s writes every hostile value',
    (id) => {
      for (const value of HOSTILE) {
        expect(() => exportFormat(id).render(withValues(value))).not.toThrow();
      }
    },
  );

  it('Docker takes quotes literally, so they are written unquoted', () => {
    const text = exportFormat('docker-env-file').render(withValues(`'q' "d" $X`));
    expect(text).toContain(`\nAWS_SECRET_ACCESS_KEY='q' "d" $X/secret\n`);
  });
});

describe('the formats list', () => {
  it('has the eight formats, each with a label, a where-to-paste line and a renderer', () => {
    expect(EXPORT_FORMATS.map((format) => format.id)).toEqual([
      'bash',
      'fish',
      'powershell',
      'cmd',
      'credentials-file',
      'dotenv',
      'docker-env-file',
      'credential-process',
    ]);
    for (const format of EXPORT_FORMATS) {
      expect(format.label).not.toBe('');
      expect(format.description).toMatch(/\.$/);
    }
  });

  it('asks for a profile name only for the credentials file', () => {
    expect(EXPORT_FORMATS.filter((format) => format.usesProfileName).map((f) => f.id)).toEqual([
      'credentials-file',
    ]);
  });
});

describe('isoExpiry', () => {
  it('writes whole seconds in UTC', () => {
    expect(isoExpiry(Date.UTC(2026, 5, 30, 23, 59, 59, 999))).toBe('2026-06-30T23:59:59Z');
  });

  it('refuses a time that is not a date', () => {
    expect(() => isoExpiry(Number.NaN)).toThrow(ExportFormatError);
  });
});
