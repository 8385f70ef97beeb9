/**
 * Fault switches for tests and classroom demos: slow answers, an unavailable service, and a server
 * clock that runs ahead or behind (the Date header, issued expirations and every time check move
 * together, so the SDK's clock-skew correction can be shown).
 */
export interface Faults {
  /** Added before every STS answer. */
  latencyMs: number;
  /** `'503'`: AWS's ServiceUnavailable error; `'reset'`: the connection is dropped unanswered. */
  unavailable: false | '503' | 'reset';
  clockOffsetSeconds: number;
}

export const NO_FAULTS: Faults = { latencyMs: 0, unavailable: false, clockOffsetSeconds: 0 };

export class FaultInputError extends Error {
  override name = 'FaultInputError';
}

function parseNumber(value: unknown, name: string, { min }: { min?: number } = {}): number {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) {
    throw new FaultInputError(`${name} must be a number`);
  }
  if (min !== undefined && number < min) throw new FaultInputError(`${name} must be >= ${min}`);
  return number;
}

function parseUnavailable(value: unknown): Faults['unavailable'] {
  if (value === false || value === 'false' || value === '0' || value === '') return false;
  if (value === true || value === 'true' || value === '1' || value === '503' || value === 503) {
    return '503';
  }
  if (value === 'reset') return 'reset';
  throw new FaultInputError('unavailable must be false, true, "503" or "reset"');
}

/** Validates a (partial) fault setting, as posted to /__admin/faults. */
export function parseFaults(input: unknown): Partial<Faults> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new FaultInputError('Expected a JSON object');
  }
  const faults: Partial<Faults> = {};
  for (const [name, value] of Object.entries(input)) {
    if (name === 'latencyMs') faults.latencyMs = parseNumber(value, name, { min: 0 });
    else if (name === 'unavailable') faults.unavailable = parseUnavailable(value);
    else if (name === 'clockOffsetSeconds') faults.clockOffsetSeconds = parseNumber(value, name);
    else throw new FaultInputError(`Unknown fault ${name}`);
  }
  return faults;
}

/** STS_FAULT_LATENCY_MS, STS_FAULT_UNAVAILABLE (true|503|reset), STS_FAULT_CLOCK_OFFSET_SECONDS. */
export function faultsFromEnv(env: NodeJS.ProcessEnv): Partial<Faults> {
  return parseFaults({
    ...(env.STS_FAULT_LATENCY_MS ? { latencyMs: env.STS_FAULT_LATENCY_MS } : {}),
    ...(env.STS_FAULT_UNAVAILABLE ? { unavailable: env.STS_FAULT_UNAVAILABLE } : {}),
    ...(env.STS_FAULT_CLOCK_OFFSET_SECONDS
      ? { clockOffsetSeconds: env.STS_FAULT_CLOCK_OFFSET_SECONDS }
      : {}),
  });
}
