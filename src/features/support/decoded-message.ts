/** The readable card of a decoded authorization message (DecodeAuthorizationMessage's JSON). */
export interface DecodedDenial {
  allowed: boolean;
  explicitDeny: boolean;
  principalArn?: string;
  principalId?: string;
  action?: string;
  resource?: string;
  conditions: { key: string; values: string[] }[];
  /** Statements that matched: their effect and id, as AWS lists them. */
  matched: { effect: string; id: string }[];
}

type Json = Record<string, unknown>;
const obj = (value: unknown): Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
const items = (value: unknown): unknown[] => {
  const list = obj(value).items;
  return Array.isArray(list) ? list : [];
};

/** Reads the decoded JSON; `undefined` when it is not JSON of that shape at all. */
export function readDecodedMessage(text: string): DecodedDenial | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const root = obj(parsed);
  if (typeof root.allowed !== 'boolean') return undefined;
  const context = obj(root.context);
  const principal = obj(context.principal);
  return {
    allowed: root.allowed,
    explicitDeny: root.explicitDeny === true,
    principalArn: str(principal.arn),
    principalId: str(principal.id),
    action: str(context.action),
    resource: str(context.resource),
    conditions: items(context.conditions).map((entry) => ({
      key: str(obj(entry).key) ?? '',
      values: items(obj(entry).values).map((v) => str(obj(v).value) ?? ''),
    })),
    matched: items(root.matchedStatements).map((entry) => ({
      effect: str(obj(entry).effect) ?? '',
      id: str(obj(entry).statementId) ?? '',
    })),
  };
}

/** The verdict in words: the first thing a support person needs. */
export function verdict(denial: DecodedDenial): string {
  if (denial.allowed) return 'Allowed: the policies allow this request.';
  return denial.explicitDeny
    ? 'Denied by an explicit Deny: a policy statement forbids this. Adding an Allow will not help; the Deny must change.'
    : 'Denied because no policy allows it (no explicit Deny): an Allow for this action and resource is missing.';
}
