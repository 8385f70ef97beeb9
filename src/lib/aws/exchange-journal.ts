import type { StsExchange } from './exchange';

const MAX_EXCHANGES = 100;

/** The STS exchanges of this page's life, newest last, in memory only (already redacted). */
export interface ExchangeJournal {
  record: (exchange: StsExchange) => void;
  get: () => readonly StsExchange[];
  subscribe: (onChange: () => void) => () => void;
  clear: () => void;
}

export function createExchangeJournal(): ExchangeJournal {
  let exchanges: readonly StsExchange[] = [];
  const listeners = new Set<() => void>();
  const set = (next: readonly StsExchange[]) => {
    exchanges = next;
    listeners.forEach((notify) => notify());
  };
  return {
    record: (exchange) => set([...exchanges, exchange].slice(-MAX_EXCHANGES)),
    get: () => exchanges,
    subscribe: (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    clear: () => set([]),
  };
}
