// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import type { ExportInput } from './export-input';
import { exportFormat } from './formats';
import { HOSTILE, REALISTIC, withValues } from './test-fixtures';

const CASES: [string, ExportInput][] = [
  ['realistic values', REALISTIC],
  ...HOSTILE.map((value): [string, ExportInput] => [JSON.stringify(value), withValues(value)]),
];

function expectedEnvironment(input: ExportInput): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: input.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: input.credentials.secretAccessKey,
    AWS_SESSION_TOKEN: input.credentials.sessionToken,
    AWS_REGION: input.region,
    AWS_DEFAULT_REGION: input.region,
    AWS_CREDENTIAL_EXPIRATION: '2026-01-01T13:00:00Z',
  };
}

/** Runs the block, then `env -0`: what a program started from that shell would receive. */
function exportedBy(shell: string, args: string[], block: string, locale: string) {
  const result = spawnSync(shell, [...args, `${block}\n/usr/bin/env -0`], {
    env: { PATH: '/usr/bin:/bin', HOME: tmpdir(), LANG: locale, LC_ALL: locale },
  });
  expect(result.error).toBeUndefined();
  expect(result.stderr.toString()).toBe('');
  expect(result.status).toBe(0);
  const entries = result.stdout
    .toString('utf8')
    .split('\0')
    .filter((entry) => entry.startsWith('AWS_'))
    .map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]);
  return Object.fromEntries(entries) as Record<string, string>;
}

/**
 * The same, typed into an interactive shell, where bash and zsh expand `!` from history: what a
 * person pasting the block into a terminal gets.
 */
function exportedByInteractive(shell: string, args: string[], block: string) {
  const result = spawnSync(shell, args, {
    input: `${block}\n/usr/bin/env -0\nexit\n`,
    env: { PATH: '/usr/bin:/bin', HOME: tmpdir(), LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', PS1: '' },
  });
  expect(result.error).toBeUndefined();
  const entries = result.stdout
    .toString('utf8')
    .split('\0')
    .map((entry) => entry.replace(/^[^A]*(?=AWS_)/s, ''))
    .filter((entry) => entry.startsWith('AWS_'))
    .map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]);
  return Object.fromEntries(entries) as Record<string, string>;
}

const hasFish = existsSync('/usr/bin/fish');
const hasZsh = existsSync('/usr/bin/zsh');
const python = spawnSync('python3', ['--version']).status === 0;

describe.each(['C.UTF-8', 'C'])('in the %s locale', (locale) => {
  describe('bash/zsh export', () => {
    it.each(CASES)('bash reads back %s exactly', (_, input) => {
      const block = exportFormat('bash').render(input);
      expect(exportedBy('/usr/bin/bash', ['--norc', '-c'], block, locale)).toEqual(
        expectedEnvironment(input),
      );
    });

    it.skipIf(!hasZsh).each(CASES)('zsh reads back %s exactly', (_, input) => {
      const block = exportFormat('bash').render(input);
      expect(exportedBy('/usr/bin/zsh', ['-f', '-c'], block, locale)).toEqual(
        expectedEnvironment(input),
      );
    });
  });

  // CI installs fish, so there a missing fish is a failure rather than a skip.
  describe.skipIf(!hasFish && !process.env.CI)('fish export', () => {
    it.each(CASES)('fish reads back %s exactly', (_, input) => {
      const block = exportFormat('fish').render(input);
      expect(exportedBy('/usr/bin/fish', ['--no-config', '-c'], block, locale)).toEqual(
        expectedEnvironment(input),
      );
    });
  });
});

describe('pasted into an interactive shell, with history expansion on', () => {
  const withBang = CASES.filter(([, input]) => input.credentials.secretAccessKey.includes('!'));

  it('has hostile values with "!" to try', () => {
    expect(withBang.length).toBeGreaterThan(0);
  });

  it.each(withBang)('bash reads back %s exactly', (_, input) => {
    const block = exportFormat('bash').render(input);
    expect(exportedByInteractive('/usr/bin/bash', ['--norc', '--noprofile', '-i'], block)).toEqual(
      expectedEnvironment(input),
    );
  });

  it.skipIf(!hasZsh).each(withBang)('zsh reads back %s exactly', (_, input) => {
    const block = exportFormat('bash').render(input);
    expect(exportedByInteractive('/usr/bin/zsh', ['-f', '-i'], block)).toEqual(
      expectedEnvironment(input),
    );
  });
});

describe('credential_process JSON', () => {
  it.each(CASES)('parses back to %s exactly', (_, input) => {
    const parsed: unknown = JSON.parse(exportFormat('credential-process').render(input));
    expect(parsed).toEqual({
      Version: 1,
      AccessKeyId: input.credentials.accessKeyId,
      SecretAccessKey: input.credentials.secretAccessKey,
      SessionToken: input.credentials.sessionToken,
      Expiration: '2026-01-01T13:00:00Z',
    });
  });
});

// The AWS CLI reads ~/.aws/credentials with Python's RawConfigParser.
describe.skipIf(!python)('credentials file, read by Python configparser', () => {
  const READER = [
    'import configparser, json, sys',
    'parser = configparser.RawConfigParser()',
    'parser.read_string(sys.stdin.read())',
    'json.dump(dict(parser[sys.argv[1]]), sys.stdout)',
  ].join('\n');

  const accepted = CASES.filter(([, input]) => {
    try {
      exportFormat('credentials-file').render(input);
      return true;
    } catch {
      return false;
    }
  });

  it('accepts the realistic values and some hostile ones', () => {
    expect(accepted.length).toBeGreaterThan(5);
  });

  it.each(accepted)('reads back %s exactly', (_, input) => {
    const file = exportFormat('credentials-file').render(input, { profileName: 'rolecall-test' });
    const result = spawnSync('python3', ['-c', READER, 'rolecall-test'], { input: file });
    expect(result.stderr.toString()).toBe('');
    expect(JSON.parse(result.stdout.toString('utf8'))).toEqual({
      aws_access_key_id: input.credentials.accessKeyId,
      aws_secret_access_key: input.credentials.secretAccessKey,
      aws_session_token: input.credentials.sessionToken,
    });
  });
});
