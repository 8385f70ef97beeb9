import { useSyncExternalStore } from 'react';

// The one shared clock: a single interval ticks for the whole app while anything is watching it,
// so every countdown on screen moves together and no component runs a timer of its own.
const TICK_MS = 1000;
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      listeners.forEach((notify) => notify());
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

function getSnapshot(): number {
  return now;
}

/** The current time in epoch milliseconds, updated once a second. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, getSnapshot);
}

/**
 * Whether `time` (epoch milliseconds) has passed, from the same shared clock, re-rendering only
 * when the answer changes rather than on every tick.
 */
export function useHasPassed(time: number): boolean {
  return useSyncExternalStore(subscribe, () => getSnapshot() >= time);
}
