import { isConditionOperator } from './conditions.ts';

/**
 * IAM policy documents, parsed into one normal form for evaluation: single values become lists
 * and `Statement` is always an array. Grammar: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */
export type Effect = 'Allow' | 'Deny';

/** `"*"`, or principal type (AWS, Federated, Service, CanonicalUser) → identifiers. */
export type PrincipalBlock = '*' | Readonly<Record<string, readonly string[]>>;

/** Operator (`StringLike`, `ForAnyValue:StringEquals`, …) → condition key → values. */
export type ConditionBlock = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;

export interface Statement {
  sid?: string;
  effect: Effect;
  principal?: PrincipalBlock;
  notPrincipal?: PrincipalBlock;
  action?: readonly string[];
  notAction?: readonly string[];
  resource?: readonly string[];
  notResource?: readonly string[];
  condition: ConditionBlock;
}

export interface PolicyDocument {
  version?: string;
  statements: readonly Statement[];
}

/**
 * Trust policies name principals and no resources; identity-based (permissions) policies and
 * session policies the other way round.
 */
export type PolicyKind = 'trust' | 'identity' | 'session';

export class PolicySyntaxError extends Error {
  override name = 'PolicySyntaxError';
}

const STATEMENT_FIELDS = new Set([
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
]);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function stringList(value: unknown, field: string): string[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || !list.every((item) => typeof item === 'string')) {
    throw new PolicySyntaxError(`${field} must be a string or a non-empty list of strings`);
  }
  return list;
}

/** Condition values may be written as JSON numbers or booleans; IAM compares them as text. */
function conditionValues(value: unknown, key: string): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((item) => {
    if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') {
      return String(item);
    }
    throw new PolicySyntaxError(`Condition values for ${key} must be strings`);
  });
}

function parsePrincipal(value: unknown, field: string): PrincipalBlock {
  if (value === '*') return '*';
  if (!isObject(value) || Object.keys(value).length === 0) {
    throw new PolicySyntaxError(`${field} must be "*" or an object of principal types`);
  }
  return Object.fromEntries(
    Object.entries(value).map(([type, ids]) => [type, stringList(ids, `${field}.${type}`)]),
  );
}

function parseCondition(value: unknown): ConditionBlock {
  if (value === undefined) return {};
  if (!isObject(value)) throw new PolicySyntaxError('Condition must be an object');
  return Object.fromEntries(
    Object.entries(value).map(([operator, keys]) => {
      if (!isConditionOperator(operator)) {
        throw new PolicySyntaxError(`Invalid Condition type : ${operator}`);
      }
      if (!isObject(keys)) throw new PolicySyntaxError(`Condition ${operator} must be an object`);
      const entries = Object.entries(keys).map(([key, v]) => [key, conditionValues(v, key)]);
      return [operator, Object.fromEntries(entries)];
    }),
  );
}

function parseStatement(value: unknown, kind: PolicyKind): Statement {
  if (!isObject(value)) throw new PolicySyntaxError('Each Statement must be an object');
  const unknownField = Object.keys(value).find((field) => !STATEMENT_FIELDS.has(field));
  if (unknownField) throw new PolicySyntaxError(`Statement has an unknown field ${unknownField}`);
  const { Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource } = value;
  if (Effect !== 'Allow' && Effect !== 'Deny') {
    throw new PolicySyntaxError('Effect must be "Allow" or "Deny"');
  }
  if ((Action === undefined) === (NotAction === undefined)) {
    throw new PolicySyntaxError('A statement needs exactly one of Action and NotAction');
  }
  const hasPrincipal = Principal !== undefined || NotPrincipal !== undefined;
  const hasResource = Resource !== undefined || NotResource !== undefined;
  if (kind !== 'trust' && hasPrincipal) {
    throw new PolicySyntaxError('Policy document should not specify a principal.');
  }
  if (kind !== 'trust' && !hasResource) {
    throw new PolicySyntaxError('A statement needs Resource or NotResource');
  }
  if (kind === 'trust' && !hasPrincipal) {
    throw new PolicySyntaxError('A trust policy statement needs Principal or NotPrincipal');
  }
  return {
    sid: typeof Sid === 'string' ? Sid : undefined,
    effect: Effect,
    principal: Principal === undefined ? undefined : parsePrincipal(Principal, 'Principal'),
    notPrincipal:
      NotPrincipal === undefined ? undefined : parsePrincipal(NotPrincipal, 'NotPrincipal'),
    action: Action === undefined ? undefined : stringList(Action, 'Action'),
    notAction: NotAction === undefined ? undefined : stringList(NotAction, 'NotAction'),
    resource: Resource === undefined ? undefined : stringList(Resource, 'Resource'),
    notResource: NotResource === undefined ? undefined : stringList(NotResource, 'NotResource'),
    condition: parseCondition(value.Condition),
  };
}

/** Parses a policy given as JSON text or as an already parsed value (the demo data file). */
export function parsePolicyDocument(source: unknown, kind: PolicyKind): PolicyDocument {
  let json = source;
  if (typeof source === 'string') {
    try {
      json = JSON.parse(source);
    } catch {
      throw new PolicySyntaxError('Syntax errors in policy.');
    }
  }
  if (!isObject(json)) throw new PolicySyntaxError('A policy must be a JSON object');
  const unknownField = Object.keys(json).find((f) => !['Version', 'Id', 'Statement'].includes(f));
  if (unknownField) throw new PolicySyntaxError(`Policy has an unknown field ${unknownField}`);
  const { Version, Statement } = json;
  if (Version !== undefined && Version !== '2012-10-17' && Version !== '2008-10-17') {
    throw new PolicySyntaxError('The policy must contain a valid version string');
  }
  const statements = Array.isArray(Statement) ? Statement : [Statement];
  if (Statement === undefined || statements.length === 0) {
    throw new PolicySyntaxError('A policy needs at least one Statement');
  }
  return {
    version: Version,
    statements: statements.map((statement) => parseStatement(statement, kind)),
  };
}
