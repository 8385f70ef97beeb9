import { createContext, useContext, useState, type ReactNode } from 'react';

const LockGeneration = createContext(0);

/**
 * Re-masks every revealed secret each time `generation` changes (a new idle period of the idle
 * lock): a field keeps its reveal only within one generation, so afterwards revealing needs a click.
 */
export function SecretsLockProvider({
  generation,
  children,
}: {
  generation: number;
  children: ReactNode;
}) {
  return <LockGeneration value={generation}>{children}</LockGeneration>;
}

/** A reveal state that the idle lock resets: `[revealed, setRevealed]`. */
export function useRevealState(): [
  boolean,
  (revealed: boolean | ((was: boolean) => boolean)) => void,
] {
  const generation = useContext(LockGeneration);
  const [state, setState] = useState({ generation, revealed: false });
  const revealed = state.generation === generation && state.revealed;
  const setRevealed = (next: boolean | ((was: boolean) => boolean)) =>
    setState((current) => {
      const was = current.generation === generation && current.revealed;
      return { generation, revealed: typeof next === 'function' ? next(was) : next };
    });
  return [revealed, setRevealed];
}
