import { describe, expect, it } from 'vitest';
import { faultsFromEnv, parseFaults } from './faults.ts';

describe('faults', () => {
  it('reads the environment', () => {
    expect(
      faultsFromEnv({
        STS_FAULT_LATENCY_MS: '800',
        STS_FAULT_UNAVAILABLE: 'reset',
        STS_FAULT_CLOCK_OFFSET_SECONDS: '-600',
      }),
    ).toEqual({ latencyMs: 800, unavailable: 'reset', clockOffsetSeconds: -600 });
    expect(faultsFromEnv({})).toEqual({});
    expect(faultsFromEnv({ STS_FAULT_UNAVAILABLE: 'true' })).toEqual({ unavailable: '503' });
  });

  it('validates admin input', () => {
    expect(parseFaults({ unavailable: false, latencyMs: 0 })).toEqual({
      unavailable: false,
      latencyMs: 0,
    });
    expect(() => parseFaults({ latencyMs: -5 })).toThrow('latencyMs must be >= 0');
    expect(() => parseFaults({ latencyMs: 'soon' })).toThrow('latencyMs must be a number');
    expect(() => parseFaults({ unavailable: 'maybe' })).toThrow(/unavailable must be/);
    expect(() => parseFaults({ chaos: 1 })).toThrow('Unknown fault chaos');
    expect(() => parseFaults([])).toThrow('Expected a JSON object');
  });
});
