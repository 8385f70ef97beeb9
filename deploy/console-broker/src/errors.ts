/**
 * Every refusal the broker answers, as `{"error": code, "message": text}`. The code is for
 * programs, the message for people: what is wrong and the one next step. Messages never quote a
 * credential, and the log records only the code (see log.ts).
 */
export const BROKER_ERRORS = {
  OriginNotAllowed: 403,
  MethodNotAllowed: 405,
  UnsupportedMediaType: 415,
  RequestTooLarge: 413,
  InvalidJson: 400,
  InvalidRequest: 400,
  InvalidCredentials: 400,
  LongTermCredentials: 400,
  InvalidDestination: 400,
  InvalidRegion: 400,
  InvalidSessionDuration: 400,
  SessionDurationNotAllowed: 400,
  /** The federation endpoint refused the credentials (any 4xx from it). */
  SigninRefused: 400,
  /** The federation endpoint failed (5xx, or an answer without a sign-in token). */
  FederationError: 502,
  /** The federation endpoint did not answer in time, or could not be reached. */
  FederationUnreachable: 504,
  BrokerMisconfigured: 500,
  InternalError: 500,
} as const;

export type BrokerErrorCode = keyof typeof BROKER_ERRORS;

export class BrokerError extends Error {
  override name = 'BrokerError';
  readonly status: number;

  constructor(
    readonly code: BrokerErrorCode,
    message: string,
  ) {
    super(message);
    this.status = BROKER_ERRORS[code];
  }
}
