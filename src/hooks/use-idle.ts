import { useEffect, useEffectEvent, useState } from 'react';

const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'focus'] as const;

export interface Idleness {
  /** True once the person has not touched the page for the given time, false at their next input. */
  idle: boolean;
  /** How many times the page has gone idle: a new value is a new idle period. */
  periods: number;
}

/** Watches for input; `minutes` 0 turns it off. A tab in the background counts as idle time. */
export function useIdle(minutes: number, onIdle: () => void = () => undefined): Idleness {
  const [state, setState] = useState<Idleness>({ idle: false, periods: 0 });
  const idleNow = useEffectEvent(onIdle);
  useEffect(() => {
    if (minutes <= 0) return;
    const limitMs = minutes * 60_000;
    const goIdle = () => {
      setState(({ periods }) => ({ idle: true, periods: periods + 1 }));
      idleNow();
    };
    let timer = setTimeout(goIdle, limitMs);
    const onActivity = () => {
      clearTimeout(timer);
      setState((current) => (current.idle ? { ...current, idle: false } : current));
      timer = setTimeout(goIdle, limitMs);
    };
    for (const event of ACTIVITY) window.addEventListener(event, onActivity, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const event of ACTIVITY) window.removeEventListener(event, onActivity);
    };
  }, [minutes]);
  return minutes > 0 ? state : { idle: false, periods: 0 };
}
