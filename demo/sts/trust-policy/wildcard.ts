/**
 * IAM wildcards: `*` matches any run of characters (also none), `?` exactly one character. Used by
 * StringLike and by Action matching (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html).
 */
const compiled = {
  caseSensitive: new Map<string, RegExp>(),
  ignoreCase: new Map<string, RegExp>(),
};

function toRegExp(pattern: string, ignoreCase: boolean): RegExp {
  const cache = ignoreCase ? compiled.ignoreCase : compiled.caseSensitive;
  let regExp = cache.get(pattern);
  if (!regExp) {
    const source = pattern
      .split('')
      .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
      .join('');
    regExp = new RegExp(`^${source}$`, ignoreCase ? 'is' : 's');
    cache.set(pattern, regExp);
  }
  return regExp;
}

export function matchesWildcard(pattern: string, value: string, ignoreCase = false): boolean {
  return toRegExp(pattern, ignoreCase).test(value);
}
