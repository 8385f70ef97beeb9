import { describe, expect, it } from 'vitest';
import { createRolePreferencesStore } from './role-preferences';

const DEV = 'arn:aws:iam::111111111111:role/Developer';
const RO = 'arn:aws:iam::222222222222:role/ReadOnly';

function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return {
    values,
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
  };
}

describe('createRolePreferencesStore', () => {
  it('keeps favourites and recents in memory when remembering is off', () => {
    const store = createRolePreferencesStore(undefined, 'k');
    store.toggleFavourite(DEV);
    store.markUsed(RO);
    store.markUsed(DEV);
    expect(store.get()).toEqual({ favourites: [DEV], recents: [DEV, RO] });
    store.toggleFavourite(DEV);
    expect(store.get().favourites).toEqual([]);
  });

  it('remembers only role ARNs across reloads when allowed', () => {
    const storage = memoryStorage();
    createRolePreferencesStore(storage, 'k').toggleFavourite(DEV);
    expect(JSON.parse(storage.values.get('k')!)).toEqual({ favourites: [DEV], recents: [] });
    expect(createRolePreferencesStore(storage, 'k').get().favourites).toEqual([DEV]);
  });

  it('ignores stored values that are not role ARNs, and a damaged entry', () => {
    const storage = memoryStorage({
      k: JSON.stringify({ favourites: [DEV, 'ASIAXXXXXXXXXXXXXXXX', 3], recents: 'x' }),
    });
    expect(createRolePreferencesStore(storage, 'k').get()).toEqual({
      favourites: [DEV],
      recents: [],
    });
    expect(createRolePreferencesStore(memoryStorage({ k: '{' }), 'k').get()).toEqual({
      favourites: [],
      recents: [],
    });
  });

  it('keeps the five most recent roles, newest first', () => {
    const store = createRolePreferencesStore(undefined, 'k');
    for (let i = 0; i < 7; i += 1) store.markUsed(`arn:aws:iam::111111111111:role/R${i}`);
    expect(store.get().recents).toEqual(
      [6, 5, 4, 3, 2].map((i) => `arn:aws:iam::111111111111:role/R${i}`),
    );
  });

  it('tells subscribers about changes', () => {
    const store = createRolePreferencesStore(undefined, 'k');
    let calls = 0;
    const unsubscribe = store.subscribe(() => (calls += 1));
    store.markUsed(DEV);
    unsubscribe();
    store.markUsed(RO);
    expect(calls).toBe(1);
  });
});
