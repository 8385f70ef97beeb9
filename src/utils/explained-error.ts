/** Which part of Rolecall met the failure. */
export type ErrorSource = 'config' | 'auth' | 'sts';

export interface ExplainedErrorFields {
  source: ErrorSource;
  /** What was being done: "AssumeRoleWithWebIdentity", "signinCallback", "load /config.json". */
  operation: string;
  /**
   * The other side's own error code, kept for the support summary (`AccessDenied` from AWS,
   * `access_denied` from the provider), or Rolecall's name for it (`NetworkError`).
   */
  code: string;
  /** What is wrong, in plain words: a heading. */
  title: string;
  /** The one next step, with the cause when the title does not say it. */
  hint: string;
  /** True when trying again unchanged may succeed (network, throttling, provider unreachable). */
  retryable: boolean;
  /** The other side's own words, verbatim, when it gave any. */
  said?: string;
  status?: number;
  requestId?: string;
}

/**
 * A failure told to the person: one shape for configuration, sign-in and AWS STS failures (like
 * react-oidc-context's normalised `{ source, message }`), so every screen shows them alike and the
 * support summary gets the same facts from each. An Error, so it travels through promises and
 * query functions; `message` is the title and hint in one line.
 */
export class ExplainedError extends Error implements ExplainedErrorFields {
  override readonly name = 'ExplainedError';
  readonly source: ErrorSource;
  readonly operation: string;
  readonly code: string;
  readonly title: string;
  readonly hint: string;
  readonly retryable: boolean;
  readonly said?: string;
  readonly status?: number;
  readonly requestId?: string;

  constructor(fields: ExplainedErrorFields, options?: { cause?: unknown }) {
    super(`${fields.title}. ${fields.hint}`, options);
    this.source = fields.source;
    this.operation = fields.operation;
    this.code = fields.code;
    this.title = fields.title;
    this.hint = fields.hint;
    this.retryable = fields.retryable;
    this.said = fields.said;
    this.status = fields.status;
    this.requestId = fields.requestId;
  }
}

/** The facts a support ticket needs: "AssumeRole · AccessDenied · request 1234". */
export function supportLine(error: ExplainedErrorFields): string {
  return [error.operation, error.code, error.requestId && `request ${error.requestId}`]
    .filter(Boolean)
    .join(' · ');
}
