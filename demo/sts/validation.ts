import { validationError } from './errors.ts';

/**
 * Parameter constraints from the STS service model, reported the way AWS reports them: every
 * broken constraint becomes one clause, and all clauses go into one ValidationError, e.g.
 * `1 validation error detected: Value 'x' at 'roleSessionName' failed to satisfy constraint:
 * Member must have length greater than or equal to 2`. Members are named in camelCase; values of
 * sensitive members (tokens, policies' secrets) are not echoed.
 */
export interface Pattern {
  regex: RegExp;
  /** The pattern as the service model spells it, quoted in the message. */
  text: string;
}

export const PATTERNS = {
  roleSessionName: { regex: /^[\w+=,.@-]*$/, text: '[\\w+=,.@-]*' },
  accessKeyId: { regex: /^\w*$/, text: '[\\w]*' },
  externalId: { regex: /^[\w+=,.@:/-]*$/, text: '[\\w+=,.@:\\/-]*' },
  serialNumber: { regex: /^[\w+=/:,.@-]*$/, text: '[\\w+=/:,.@-]*' },
  tokenCode: { regex: /^\d*$/, text: '[\\d]*' },
  // Tab, line feed and carriage return are allowed in these two on purpose (service model).
  policy: {
    // eslint-disable-next-line no-control-regex
    regex: /^[\u0009\u000A\u000D\u0020-\u00FF]+$/,
    text: '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+',
  },
  arn: {
    regex:
      // eslint-disable-next-line no-control-regex
      /^[\u0009\u000A\u000D\u0020-\u007E\u0085\u00A0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]+$/u,
    text: '[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF]+',
  },
  tagKey: { regex: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u, text: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+' },
  tagValue: { regex: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u, text: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*' },
} satisfies Record<string, Pattern>;

export interface StringRule {
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: Pattern;
  sensitive?: boolean;
}

export interface IntegerRule {
  min: number;
  max: number;
}

export class Validator {
  private readonly clauses: string[] = [];

  private fail(member: string, value: string | null, constraint: string, sensitive = false) {
    const shown = value === null ? 'Value null' : sensitive ? 'Value' : `Value '${value}'`;
    this.clauses.push(`${shown} at '${member}' failed to satisfy constraint: ${constraint}`);
  }

  string(member: string, value: string | undefined, rule: StringRule): string | undefined {
    if (value === undefined) {
      if (rule.required) this.fail(member, null, 'Member must not be null');
      return undefined;
    }
    const { minLength, maxLength, pattern, sensitive } = rule;
    if (minLength !== undefined && value.length < minLength) {
      const constraint = `Member must have length greater than or equal to ${minLength}`;
      this.fail(member, value, constraint, sensitive);
    }
    if (maxLength !== undefined && value.length > maxLength) {
      const constraint = `Member must have length less than or equal to ${maxLength}`;
      this.fail(member, value, constraint, sensitive);
    }
    if (pattern && value.length > 0 && !pattern.regex.test(value)) {
      const constraint = `Member must satisfy regular expression pattern: ${pattern.text}`;
      this.fail(member, value, constraint, sensitive);
    }
    return value;
  }

  integer(member: string, raw: string | undefined, { min, max }: IntegerRule): number | undefined {
    if (raw === undefined) return undefined;
    if (!/^-?\d+$/.test(raw.trim())) {
      this.fail(member, raw, 'Member must be a valid integer');
      return undefined;
    }
    const value = Number(raw);
    if (value < min)
      this.fail(member, raw, `Member must have value greater than or equal to ${min}`);
    if (value > max) this.fail(member, raw, `Member must have value less than or equal to ${max}`);
    return value;
  }

  listLength(member: string, values: readonly string[], maxLength: number): void {
    if (values.length > maxLength) {
      const shown = `[${values.join(', ')}]`;
      this.fail(member, shown, `Member must have length less than or equal to ${maxLength}`);
    }
  }

  /** Throws the collected clauses as one ValidationError. */
  check(): void {
    const count = this.clauses.length;
    if (count === 0) return;
    const noun = count === 1 ? 'error' : 'errors';
    throw validationError(`${count} validation ${noun} detected: ${this.clauses.join('; ')}`);
  }
}
