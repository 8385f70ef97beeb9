import { DESTINATION_IDS, isDestinationId, type DestinationId } from './destinations.ts';
import { BrokerError } from './errors.ts';
import type { Partition } from './partitions.ts';

/**
 * The body of a console sign-in request, checked field by field. Unknown fields are refused, so a
 * misspelt `sessionDurationSeconds` is reported instead of silently ignored.
 */
export interface TemporaryCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

export interface LoginRequest {
  credentials: TemporaryCredentials;
  destination: DestinationId;
  region: string;
  /** Role-chained credentials (AssumeRole with role credentials): AWS refuses SessionDuration. */
  chained: boolean;
  sessionDurationSeconds?: number;
}

const FIELDS = ['credentials', 'destination', 'region', 'chained', 'sessionDurationSeconds'];
const CREDENTIAL_FIELDS = ['accessKeyId', 'secretAccessKey', 'sessionToken'];

/** getSigninToken's SessionDuration range (IAM User Guide, custom identity broker). */
export const MIN_SESSION_DURATION_SECONDS = 900;
export const MAX_SESSION_DURATION_SECONDS = 43200;

/** Temporary (STS) access key ids start ASIA; long-term ones (IAM users, root) AKIA. */
const TEMPORARY_KEY_ID = /^ASIA[A-Z0-9]{12,124}$/;
const MAX_SECRET_LENGTH = 256;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Names a field only when it looks like a field name: the caller may have put a secret there. */
function describeField(name: string): string {
  return /^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(name) ? `"${name}"` : 'with an unexpected name';
}

function refuseUnknownFields(object: Json, allowed: readonly string[], where: string): void {
  const unknown = Object.keys(object).find((key) => !allowed.includes(key));
  if (unknown !== undefined) {
    throw new BrokerError(
      'InvalidRequest',
      `${where} has a field ${describeField(unknown)} the broker does not know. It accepts ${allowed.join(', ')}.`,
    );
  }
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    // The parser's message quotes the body, and with it the credentials: never pass it on.
    throw new BrokerError(
      'InvalidJson',
      'The request body is not valid JSON. Send {"credentials": {...}, "destination": "console", "region": "eu-west-1", "chained": false}.',
    );
  }
}

function parseCredentials(value: unknown): TemporaryCredentials {
  const invalid = (problem: string) =>
    new BrokerError(
      'InvalidCredentials',
      `${problem} Send one session's temporary credentials as {"accessKeyId", "secretAccessKey", "sessionToken"}.`,
    );
  if (!isObject(value)) throw invalid('"credentials" is missing or not an object.');
  refuseUnknownFields(value, CREDENTIAL_FIELDS, '"credentials"');
  const { accessKeyId, secretAccessKey, sessionToken } = value;
  if (typeof accessKeyId !== 'string') throw invalid('"accessKeyId" is missing.');
  if (accessKeyId.startsWith('AKIA')) {
    throw new BrokerError(
      'LongTermCredentials',
      'This is a long-term access key (AKIA…) of an IAM user or the root user. The broker signs in only with the temporary credentials (ASIA…) of one role session: assume a role in Rolecall and open the console from that session.',
    );
  }
  if (!TEMPORARY_KEY_ID.test(accessKeyId)) {
    throw invalid('"accessKeyId" is not a temporary access key id (those start with ASIA).');
  }
  if (
    typeof secretAccessKey !== 'string' ||
    secretAccessKey === '' ||
    secretAccessKey.length > MAX_SECRET_LENGTH
  ) {
    throw invalid('"secretAccessKey" is missing or not a secret access key.');
  }
  if (typeof sessionToken !== 'string' || sessionToken === '') {
    throw invalid('"sessionToken" is missing: temporary credentials always come with one.');
  }
  return { accessKeyId, secretAccessKey, sessionToken };
}

function parseDestination(value: unknown): DestinationId {
  if (typeof value !== 'string' || !isDestinationId(value)) {
    throw new BrokerError(
      'InvalidDestination',
      `"destination" must be one of ${DESTINATION_IDS.join(', ')}.`,
    );
  }
  return value;
}

function parseRegion(value: unknown, partition: Partition): string {
  if (typeof value !== 'string' || !partition.regionPattern.test(value)) {
    throw new BrokerError(
      'InvalidRegion',
      `"region" must be a region of the ${partition.id} partition, such as ${partition.exampleRegion}.`,
    );
  }
  return value;
}

function parseChained(value: unknown): boolean {
  if (typeof value !== 'boolean') {
    throw new BrokerError(
      'InvalidRequest',
      '"chained" must be true or false: say whether these credentials come from role chaining (AssumeRole called with role credentials).',
    );
  }
  return value;
}

function parseSessionDuration(value: unknown, chained: boolean): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < MIN_SESSION_DURATION_SECONDS ||
    value > MAX_SESSION_DURATION_SECONDS
  ) {
    throw new BrokerError(
      'InvalidSessionDuration',
      `"sessionDurationSeconds" must be a whole number from ${MIN_SESSION_DURATION_SECONDS} (15 minutes) to ${MAX_SESSION_DURATION_SECONDS} (12 hours), or left out.`,
    );
  }
  if (chained) {
    throw new BrokerError(
      'SessionDurationNotAllowed',
      'AWS does not let role-chained credentials choose a console session length. Leave "sessionDurationSeconds" out: the console session then lasts as long as the credentials (at most 1 hour for a chained role).',
    );
  }
  return value;
}

export function parseLoginRequest(body: string, partition: Partition): LoginRequest {
  const json = parseJson(body);
  if (!isObject(json)) {
    throw new BrokerError('InvalidRequest', 'The request body must be a JSON object.');
  }
  refuseUnknownFields(json, FIELDS, 'The request');
  const credentials = parseCredentials(json.credentials);
  const destination = parseDestination(json.destination);
  const region = parseRegion(json.region, partition);
  const chained = parseChained(json.chained);
  const sessionDurationSeconds = parseSessionDuration(json.sessionDurationSeconds, chained);
  return { credentials, destination, region, chained, sessionDurationSeconds };
}
