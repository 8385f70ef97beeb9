import type { ConditionBlock } from './policy-document.ts';
import { matchesWildcard } from './wildcard.ts';

/**
 * The Condition element, as https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 * and https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
 * describe it:
 * - operators AND together, keys within an operator AND together, values for a key OR together;
 * - keys are case-insensitive, values case-sensitive (except the …IgnoreCase operators);
 * - a key missing from the request fails positive operators and passes negated ones
 *   (StringNotEquals, StringNotLike, …); `…IfExists` passes when the key is missing;
 * - `ForAnyValue:` needs at least one request value to match, `ForAllValues:` needs every request
 *   value to match and passes when the key is missing or empty.
 */

/** Request context: lower-cased condition key → its values (one for single-valued keys). */
export type ConditionContext = ReadonlyMap<string, readonly string[]>;

type Comparator = (requestValue: string, policyValue: string) => boolean;

interface OperatorDefinition {
  compare: Comparator;
  /** Negated operators pass when no policy value matches, and when the key is missing. */
  negated: boolean;
}

const toNumber = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));
const toTime = (value: string) => (/^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value));

const numeric = (test: (a: number, b: number) => boolean): Comparator => {
  return (request, policy) => {
    const a = toNumber(request);
    const b = toNumber(policy);
    return !Number.isNaN(a) && !Number.isNaN(b) && test(a, b);
  };
};

const date = (test: (a: number, b: number) => boolean): Comparator => {
  return (request, policy) => {
    const a = toTime(request);
    const b = toTime(policy);
    return !Number.isNaN(a) && !Number.isNaN(b) && test(a, b);
  };
};

const equals: Comparator = (a, b) => a === b;
const equalsIgnoreCase: Comparator = (a, b) => a.toLowerCase() === b.toLowerCase();
const like: Comparator = (a, b) => matchesWildcard(b, a);
const bool: Comparator = (a, b) => a.toLowerCase() === b.toLowerCase();

const OPERATORS: Readonly<Record<string, OperatorDefinition>> = {
  StringEquals: { compare: equals, negated: false },
  StringNotEquals: { compare: equals, negated: true },
  StringEqualsIgnoreCase: { compare: equalsIgnoreCase, negated: false },
  StringNotEqualsIgnoreCase: { compare: equalsIgnoreCase, negated: true },
  StringLike: { compare: like, negated: false },
  StringNotLike: { compare: like, negated: true },
  NumericEquals: { compare: numeric((a, b) => a === b), negated: false },
  NumericNotEquals: { compare: numeric((a, b) => a === b), negated: true },
  NumericLessThan: { compare: numeric((a, b) => a < b), negated: false },
  NumericLessThanEquals: { compare: numeric((a, b) => a <= b), negated: false },
  NumericGreaterThan: { compare: numeric((a, b) => a > b), negated: false },
  NumericGreaterThanEquals: { compare: numeric((a, b) => a >= b), negated: false },
  DateEquals: { compare: date((a, b) => a === b), negated: false },
  DateNotEquals: { compare: date((a, b) => a === b), negated: true },
  DateLessThan: { compare: date((a, b) => a < b), negated: false },
  DateLessThanEquals: { compare: date((a, b) => a <= b), negated: false },
  DateGreaterThan: { compare: date((a, b) => a > b), negated: false },
  DateGreaterThanEquals: { compare: date((a, b) => a >= b), negated: false },
  Bool: { compare: bool, negated: false },
  // ARN operators compare the whole ARN with wildcards; IAM matches segment by segment, which
  // gives the same answer for well-formed ARNs.
  ArnEquals: { compare: like, negated: false },
  ArnLike: { compare: like, negated: false },
  ArnNotEquals: { compare: like, negated: true },
  ArnNotLike: { compare: like, negated: true },
};

type SetQualifier = 'ForAnyValue' | 'ForAllValues' | undefined;

interface ParsedOperator {
  qualifier: SetQualifier;
  name: string;
  ifExists: boolean;
}

/**
 * Each valid operator is parsed once: there are a few hundred at most, while the strings that are
 * not operators (say, in a caller's session policy) are not kept.
 */
const parsedOperators = new Map<string, ParsedOperator>();

function parseOperator(operator: string): ParsedOperator | undefined {
  const known = parsedOperators.get(operator);
  if (known) return known;
  const parsed = parseOperatorText(operator);
  if (parsed) parsedOperators.set(operator, parsed);
  return parsed;
}

function parseOperatorText(operator: string): ParsedOperator | undefined {
  const match = /^(?:(ForAnyValue|ForAllValues):)?(\w+?)(IfExists)?$/.exec(operator);
  if (!match) return undefined;
  const [, qualifier, name = '', ifExists] = match;
  if (name !== 'Null' && !(name in OPERATORS)) return undefined;
  if (name === 'Null' && (qualifier || ifExists)) return undefined;
  return { qualifier: qualifier as SetQualifier, name, ifExists: ifExists !== undefined };
}

export const isConditionOperator = (operator: string) => parseOperator(operator) !== undefined;

function keyMatches(
  { qualifier, name, ifExists }: ParsedOperator,
  requestValues: readonly string[] | undefined,
  policyValues: readonly string[],
): boolean {
  const present = requestValues !== undefined && requestValues.length > 0;
  if (name === 'Null') {
    return policyValues.some((value) => (value.toLowerCase() === 'true') !== present);
  }
  const { compare, negated } = OPERATORS[name];
  if (!present) {
    if (ifExists || qualifier === 'ForAllValues') return true;
    if (qualifier === 'ForAnyValue') return false;
    return negated;
  }
  const matchesPolicy = (value: string) => policyValues.some((policy) => compare(value, policy));
  const passes = (value: string) => matchesPolicy(value) !== negated;
  if (qualifier === 'ForAllValues') return requestValues.every(passes);
  if (qualifier === 'ForAnyValue') return requestValues.some(passes);
  // A plain operator on a multi-valued key: positive ones need some value to match, negated ones
  // need no value to match (inference; AWS asks for a set qualifier on multi-valued keys).
  return negated ? !requestValues.some(matchesPolicy) : requestValues.some(matchesPolicy);
}

export function conditionsMatch(block: ConditionBlock, context: ConditionContext): boolean {
  return Object.entries(block).every(([operator, keys]) => {
    const parsed = parseOperator(operator);
    if (!parsed) return false;
    return Object.entries(keys).every(([key, values]) =>
      keyMatches(parsed, context.get(key.toLowerCase()), values),
    );
  });
}

/** Builds a context from key/value pairs; keys are stored lower-cased. */
export function conditionContext(
  entries: Iterable<readonly [string, string | readonly string[] | undefined]>,
): ConditionContext {
  const context = new Map<string, readonly string[]>();
  for (const [key, value] of entries) {
    if (value === undefined) continue;
    context.set(key.toLowerCase(), typeof value === 'string' ? [value] : value);
  }
  return context;
}
