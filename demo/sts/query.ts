/**
 * Request parameters of the AWS query protocol: a form-encoded POST body or a GET query string,
 * lists flattened as `PolicyArns.member.1.arn=…`, `Tags.member.1.Key=…&Tags.member.1.Value=…`
 * (https://docs.aws.amazon.com/STS/latest/APIReference/CommonParameters.html).
 */
export type Params = ReadonlyMap<string, string>;

/** Query-string parameters first, then body parameters, which win on a clash. */
export function parseParams(query: URLSearchParams, body: string): Params {
  const params = new Map<string, string>(query);
  for (const [name, value] of new URLSearchParams(body)) params.set(name, value);
  return params;
}

/** Indexes 1, 2, … of `<name>.member.<i>[.<field>]`, in numeric order. */
function memberIndexes(params: Params, name: string): number[] {
  const pattern = new RegExp(`^${name}\\.member\\.(\\d+)(?:\\.|$)`);
  const indexes = new Set<number>();
  for (const key of params.keys()) {
    const match = pattern.exec(key);
    if (match) indexes.add(Number(match[1]));
  }
  return [...indexes].sort((a, b) => a - b);
}

/** `TransitiveTagKeys.member.1=Team` → `['Team']`. */
export function stringList(params: Params, name: string): string[] {
  return memberIndexes(params, name).flatMap((i) => params.get(`${name}.member.${i}`) ?? []);
}

/** `PolicyArns.member.1.arn=…` → `['…']`. */
export function fieldList(params: Params, name: string, field: string): string[] {
  return memberIndexes(params, name).map((i) => params.get(`${name}.member.${i}.${field}`) ?? '');
}

export interface Tag {
  key: string;
  value: string;
}

/** `Tags.member.1.Key=Team&Tags.member.1.Value=platform` → `[{ key: 'Team', value: 'platform' }]`. */
export function tagList(params: Params, name: string): Tag[] {
  return memberIndexes(params, name).map((i) => ({
    key: params.get(`${name}.member.${i}.Key`) ?? '',
    value: params.get(`${name}.member.${i}.Value`) ?? '',
  }));
}
