import { parseRoleArn } from '../../utils/arn';

export interface RolePreferences {
  favourites: readonly string[];
  recents: readonly string[];
}

export interface RolePreferencesStore {
  get: () => RolePreferences;
  subscribe: (onChange: () => void) => () => void;
  toggleFavourite: (roleArn: string) => void;
  markUsed: (roleArn: string) => void;
}

const MAX_RECENTS = 5;
const EMPTY: RolePreferences = { favourites: [], recents: [] };

/**
 * Favourite and recently used roles. Only role ARNs are ever kept — never a credential or token —
 * and they are written to `storage` only when the config allows remembering roles; otherwise they
 * live as long as the page.
 */
export function createRolePreferencesStore(
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined,
  key: string,
): RolePreferencesStore {
  let state = storage ? read(storage, key) : EMPTY;
  const listeners = new Set<() => void>();
  const update = (next: RolePreferences) => {
    state = next;
    storage?.setItem(key, JSON.stringify(state));
    listeners.forEach((notify) => notify());
  };
  return {
    get: () => state,
    subscribe: (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    toggleFavourite: (roleArn) => {
      const favourites = state.favourites.includes(roleArn)
        ? state.favourites.filter((arn) => arn !== roleArn)
        : [...state.favourites, roleArn];
      update({ ...state, favourites });
    },
    markUsed: (roleArn) => {
      if (state.recents[0] === roleArn) return;
      const recents = [roleArn, ...state.recents.filter((arn) => arn !== roleArn)].slice(
        0,
        MAX_RECENTS,
      );
      update({ ...state, recents });
    },
  };
}

function read(storage: Pick<Storage, 'getItem'>, key: string): RolePreferences {
  try {
    const raw = JSON.parse(storage.getItem(key) ?? 'null') as Partial<
      Record<keyof RolePreferences, unknown>
    > | null;
    return {
      favourites: roleArns(raw?.favourites),
      recents: roleArns(raw?.recents).slice(0, MAX_RECENTS),
    };
  } catch {
    return EMPTY;
  }
}

function roleArns(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is string => typeof item === 'string' && parseRoleArn(item) !== undefined,
  );
}
