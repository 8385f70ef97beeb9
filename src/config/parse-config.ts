import * as z from 'zod/mini';
import { crossCheck } from './cross-checks';
import { configSchema, type AppConfig } from './schema';

export interface ConfigProblem {
  /** Where in config.json, such as "accounts[0].id", or "" for the whole file. */
  field: string;
  message: string;
}

export type ConfigResult =
  { ok: true; config: AppConfig } | { ok: false; problems: ConfigProblem[] };

export function parseConfig(raw: unknown): ConfigResult {
  const result = z.safeParse(configSchema, raw);
  if (result.success) {
    const problems = crossCheck(result.data);
    return problems.length === 0 ? { ok: true, config: result.data } : { ok: false, problems };
  }
  return { ok: false, problems: result.error.issues.map((issue) => toProblem(issue, raw)) };
}

function toProblem(issue: z.core.$ZodIssue, raw: unknown): ConfigProblem {
  const field = formatPath(issue.path);
  if (issue.code === 'invalid_type' && valueAt(raw, issue.path) === undefined) {
    return { field, message: `is missing: ${describeExpected(issue.expected)} is required` };
  }
  if (issue.code === 'unrecognized_keys') {
    return { field, message: `has unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}` };
  }
  if (issue.code === 'invalid_type') {
    return {
      field,
      message: issue.message.startsWith('Invalid input')
        ? `must be ${describeExpected(issue.expected)}`
        : issue.message,
    };
  }
  return { field, message: issue.message };
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value = raw;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describeExpected(expected: string): string {
  switch (expected) {
    case 'object':
      return 'an object';
    case 'array':
      return 'a list';
    case 'int':
      return 'a whole number';
    default:
      return `a ${expected}`;
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) =>
      typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`,
    )
    .join('');
}
