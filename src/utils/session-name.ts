// AWS RoleSessionName: 2-64 characters matching [\w+=,.@-]* (STS API reference, AssumeRoleWithWebIdentity).
const MAX_LENGTH = 64;
const DISALLOWED = /[^\w+=,.@-]/g;

/**
 * Turns a claim value (an email, a name, a subject) into a valid RoleSessionName: characters AWS
 * refuses become "-", the result is cut to 64 characters, and a value too short is padded so that
 * the session is still traceable to the person.
 */
export function toRoleSessionName(value: string, fallback = 'rolecall'): string {
  const cleaned = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(DISALLOWED, '-');
  const trimmed = cleaned.replace(/^-+|-+$/g, '').slice(0, MAX_LENGTH);
  if (trimmed.length >= 2) return trimmed;
  return `${fallback}-${trimmed}`.replace(/-+$/, '').slice(0, MAX_LENGTH);
}
