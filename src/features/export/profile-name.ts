import type { ExportInput } from './export-input';

const MAX_LENGTH = 64;
const FALLBACK = 'rolecall';

/**
 * Letters, digits, `.`, `_` and `-` only: safe in an INI section header, after --profile and in
 * AWS_PROFILE. Accents are dropped (é → e), other runs become one `-`, and the name never starts
 * with `-` (it would read as an option).
 */
export function sanitizeProfileName(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9._]+/g, '-')
    .replace(/^[-.]+/, '')
    .slice(0, MAX_LENGTH)
    .replace(/[-.]+$/, '');
}

/** "Sandbox" + "Developer" → "sandbox-developer"; the account ID when the account has no name. */
export function defaultProfileName(
  input: Pick<ExportInput, 'accountName' | 'accountId' | 'roleName'>,
): string {
  const name = sanitizeProfileName(`${input.accountName || input.accountId}-${input.roleName}`);
  return name.toLowerCase() || FALLBACK;
}

/** The name written to the file: what was typed, made safe, or the default when nothing is left. */
export function resolveProfileName(
  typed: string | undefined,
  input: Pick<ExportInput, 'accountName' | 'accountId' | 'roleName'>,
): string {
  const name = sanitizeProfileName(typed ?? '');
  // The JavaScript SDK's INI reader refuses this name ("Found invalid profile name").
  return name && name !== '__proto__' ? name : defaultProfileName(input);
}
