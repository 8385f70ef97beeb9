import { useLayoutEffect, useSyncExternalStore, type RefObject } from 'react';

// The one shared clock: a single interval ticks for the whole app while anything is watching it,
// so every countdown on screen moves together and no component runs a timer of its own. It rests
// while the tab is hidden and catches up at once when the person comes back; only while something
// that must work in a hidden tab (the tab title, expiry notifications) watches does it keep ticking
// there, slowly.
const TICK_MS = 1000;
const HIDDEN_TICK_MS = 15_000;
const listeners = new Set<() => void>();
const backgroundListeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

const tick = () => {
  now = Date.now();
  listeners.forEach((notify) => notify());
};

function start() {
  if (timer !== undefined) return;
  if (!document.hidden) timer = setInterval(tick, TICK_MS);
  else if (backgroundListeners.size > 0) timer = setInterval(tick, HIDDEN_TICK_MS);
}

function stop() {
  if (timer !== undefined) clearInterval(timer);
  timer = undefined;
}

function onVisibilityChange() {
  stop();
  if (!document.hidden) tick();
  start();
}

function subscribe(listener: () => void, inBackground = false): () => void {
  if (listeners.size === 0) {
    now = Date.now();
    document.addEventListener('visibilitychange', onVisibilityChange);
  }
  listeners.add(listener);
  if (inBackground) backgroundListeners.add(listener);
  start();
  return () => {
    listeners.delete(listener);
    backgroundListeners.delete(listener);
    if (listeners.size === 0) {
      stop();
      document.removeEventListener('visibilitychange', onVisibilityChange);
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

const subscribeInBackground = (listener: () => void) => subscribe(listener, true);

/**
 * The current time from the same clock, which keeps ticking (every 15 seconds) while the tab is
 * hidden as long as this is watched: for what a person sees from another tab.
 */
export function useNowInBackground(): number {
  return useSyncExternalStore(subscribeInBackground, getSnapshot);
}

/**
 * Whether `time` (epoch milliseconds) has passed, from the same shared clock, re-rendering only
 * when the answer changes rather than on every tick.
 */
export function useHasPassed(time: number): boolean {
  return useSyncExternalStore(subscribe, () => getSnapshot() >= time);
}

// One observer tells every ticking element whether it is on screen.
const onScreenChanges = new WeakMap<Element, (onScreen: boolean) => void>();
let screenObserver: IntersectionObserver | undefined;

function watchOnScreen(element: Element, onChange: (onScreen: boolean) => void): () => void {
  // Without IntersectionObserver (old browsers, jsdom) everything counts as on screen.
  if (typeof IntersectionObserver === 'undefined') return () => undefined;
  screenObserver ??= new IntersectionObserver((entries) => {
    for (const entry of entries) onScreenChanges.get(entry.target)?.(entry.isIntersecting);
  });
  onScreenChanges.set(element, onChange);
  screenObserver.observe(element);
  return () => {
    screenObserver?.unobserve(element);
    onScreenChanges.delete(element);
  };
}

/**
 * Keeps `textAt(now)` in `ref`'s element on every tick of the shared clock without re-rendering
 * anything: only the element's own text node changes, and only while the element is on screen.
 * The element is `textAt`'s length in `ch` wide (made for monospace digits), so its box changes
 * size only when the number of characters does. React must render the element without children.
 */
export function useTickingText(
  ref: RefObject<HTMLElement | null>,
  textAt: (now: number) => string,
): void {
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const text = document.createTextNode('');
    element.replaceChildren(text);
    let onScreen = true;
    const update = () => {
      const next = textAt(Date.now());
      if (next === text.data) return;
      if (next.length !== text.data.length) element.style.width = `${next.length}ch`;
      text.data = next;
    };
    update();
    const stopTicking = subscribe(() => {
      if (onScreen) update();
    });
    const stopWatching = watchOnScreen(element, (visible) => {
      onScreen = visible;
      if (visible) update();
    });
    return () => {
      stopTicking();
      stopWatching();
    };
  }, [ref, textAt]);
}
