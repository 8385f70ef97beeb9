/**
 * IAM wildcards: `*` matches any run of characters (also none), `?` exactly one character. Used by
 * StringLike and by Action matching (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html).
 */
const compiled = new Map<string, RegExp>();

function toRegExp(pattern: string, ignoreCase: boolean): RegExp {
  const cacheKey = `${ignoreCase ? 'i' : 's'}${pattern}`;
  let regExp = compiled.get(cacheKey);
  if (!regExp) {
    const source = pattern
      .split('')
      .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
      .join('');
    regExp = new RegExp(`^${source}$`, ignoreCase ? 'is' : 's');
    compiled.set(cacheKey, regExp);
  }
  return regExp;
}

export function matchesWildcard(pattern: string, value: string, ignoreCase = false): boolean {
  return toRegExp(pattern, ignoreCase).test(value);
}
