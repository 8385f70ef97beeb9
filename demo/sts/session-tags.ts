import { invalidIdentityToken, validationError } from './errors.ts';
import type { Tag } from './query.ts';
import { PATTERNS, type Validator } from './validation.ts';

/**
 * Session tags (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html): at most 50,
 * keys up to 128 characters, values up to 256; keys are case-insensitive, so `Team` and `team`
 * clash; transitive keys must name passed tags; and a chained session may not pass a tag whose key
 * it inherited as transitive.
 */
export const TAG_LIMITS = { count: 50, keyLength: 128, valueLength: 256 };

export const TOKEN_TAGS_CLAIM = 'https://aws.amazon.com/tags';
export const TOKEN_SOURCE_IDENTITY_CLAIM = 'https://aws.amazon.com/source_identity';

export interface SessionTags {
  tags: Tag[];
  transitiveTagKeys: string[];
}

const lower = (key: string) => key.toLowerCase();

/**
 * Tags from an ID token's `https://aws.amazon.com/tags` claim:
 * `{"principal_tags": {"Team": ["platform"]}, "transitive_tag_keys": ["Team"]}`.
 */
export function tagsFromToken(claim: unknown): SessionTags {
  if (claim === undefined) return { tags: [], transitiveTagKeys: [] };
  const invalid = (why: string) =>
    invalidIdentityToken(`The token's ${TOKEN_TAGS_CLAIM} claim is not valid: ${why}`);
  if (typeof claim !== 'object' || claim === null) throw invalid('it must be an object.');
  const { principal_tags: principalTags = {}, transitive_tag_keys: transitive = [] } =
    claim as Record<string, unknown>;
  if (typeof principalTags !== 'object' || principalTags === null) {
    throw invalid('principal_tags must be an object.');
  }
  const tags = Object.entries(principalTags).map(([key, value]) => {
    const single: unknown =
      Array.isArray(value) && value.length === 1 ? (value as unknown[])[0] : value;
    if (typeof single !== 'string') throw invalid(`the value of ${key} must be one string.`);
    return { key, value: single };
  });
  if (!Array.isArray(transitive) || !transitive.every((key) => typeof key === 'string')) {
    throw invalid('transitive_tag_keys must be a list of strings.');
  }
  const limits = checkLimits(tags, transitive);
  if (limits) throw invalid(limits);
  return { tags, transitiveTagKeys: transitive };
}

function checkLimits(tags: readonly Tag[], transitiveKeys: readonly string[]): string | undefined {
  if (tags.length > TAG_LIMITS.count) return `at most ${TAG_LIMITS.count} tags are allowed.`;
  const tooLong = tags.find(
    ({ key, value }) =>
      key.length === 0 ||
      key.length > TAG_LIMITS.keyLength ||
      value.length > TAG_LIMITS.valueLength,
  );
  if (tooLong) return `tag ${tooLong.key} is too long (keys 1-128 characters, values 0-256).`;
  return checkConsistency(tags, transitiveKeys);
}

function checkConsistency(tags: readonly Tag[], transitiveKeys: readonly string[]) {
  const keys = tags.map(({ key }) => lower(key));
  if (new Set(keys).size !== keys.length) {
    return 'Duplicate tag keys found. Please note that Tag keys are case insensitive.';
  }
  const stray = transitiveKeys.find((key) => !keys.includes(lower(key)));
  if (stray !== undefined) return `transitive tag key ${stray} is not one of the session tags.`;
  return undefined;
}

/** Checks the Tags and TransitiveTagKeys parameters of AssumeRole and GetFederationToken. */
export function validateTagParameters(
  validator: Validator,
  tags: readonly Tag[],
  transitiveKeys: readonly string[],
): void {
  validator.listLength(
    'tags',
    tags.map(({ key, value }) => `${key}=${value}`),
    TAG_LIMITS.count,
  );
  validator.listLength('transitiveTagKeys', transitiveKeys, TAG_LIMITS.count);
  tags.forEach(({ key, value }, i) => {
    validator.string(`tags.${i + 1}.member.key`, key, {
      minLength: 1,
      maxLength: TAG_LIMITS.keyLength,
      pattern: PATTERNS.tagKey,
    });
    validator.string(`tags.${i + 1}.member.value`, value, {
      maxLength: TAG_LIMITS.valueLength,
      pattern: PATTERNS.tagValue,
    });
  });
}

/** Throws ValidationError for duplicate keys or transitive keys that name no passed tag. */
export function assertConsistentTags({ tags, transitiveTagKeys }: SessionTags): void {
  const problem = checkConsistency(tags, transitiveTagKeys);
  if (problem) throw validationError(problem);
}

/**
 * Merges the tags a chained session inherits with the ones passed now. Throws when they clash or
 * are inconsistent.
 */
export function mergeSessionTags(inherited: SessionTags, passed: SessionTags): SessionTags {
  assertConsistentTags(passed);
  const inheritedKeys = new Set(inherited.tags.map(({ key }) => lower(key)));
  const clash = passed.tags.find(({ key }) => inheritedKeys.has(lower(key)));
  if (clash) {
    throw validationError(
      `The session tag ${clash.key} was inherited as a transitive tag and cannot be passed again.`,
    );
  }
  return {
    tags: [...inherited.tags, ...passed.tags],
    transitiveTagKeys: [...inherited.transitiveTagKeys, ...passed.transitiveTagKeys],
  };
}

/** The transitive part of a session's tags: what a session chained from it inherits. */
export function transitiveTags(tags: readonly Tag[], transitiveKeys: readonly string[]) {
  const keys = new Set(transitiveKeys.map(lower));
  return {
    tags: tags.filter(({ key }) => keys.has(lower(key))),
    transitiveTagKeys: [...transitiveKeys],
  };
}

/** Condition keys describing the tags of a request (aws:RequestTag/…, aws:TagKeys, sts:TransitiveTagKeys). */
export function requestTagContext({ tags, transitiveTagKeys }: SessionTags) {
  return [
    ...tags.map(({ key, value }) => [`aws:RequestTag/${key}`, value] as const),
    ['aws:TagKeys', tags.map(({ key }) => key)] as const,
    ['sts:TransitiveTagKeys', transitiveTagKeys] as const,
  ];
}

export const principalTagContext = (tags: readonly Tag[]) =>
  tags.map(({ key, value }) => [`aws:PrincipalTag/${key}`, value] as const);
