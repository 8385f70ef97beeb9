/**
 * Settings from the environment, read the same way by every demo program (`npm start`, the IdP
 * alone, the STS alone): unset or empty means the default; anything else must be valid, or the
 * program stops with a message that names the variable.
 */
export type Env = Readonly<Record<string, string | undefined>>;

export class SettingError extends Error {
  override name = 'SettingError';
}

function given(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** A port number; 0 (any free port) only where the caller can tell others which one it got. */
export function portSetting(
  env: Env,
  name: string,
  fallback: number,
  { allowFree = true }: { allowFree?: boolean } = {},
): number {
  const value = given(env, name);
  if (value === undefined) return fallback;
  const port = Number(value);
  const lowest = allowFree ? 0 : 1;
  if (!Number.isInteger(port) || port < lowest || port > 65535) {
    const range = allowFree ? '1-65535, or 0 for any free port' : '1-65535';
    throw new SettingError(`${name} must be a port number (${range}), got "${value}".`);
  }
  return port;
}

/** A whole number of seconds, at least 1. */
export function secondsSetting(env: Env, name: string): number | undefined {
  const value = given(env, name);
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 1) {
    throw new SettingError(`${name} must be a whole number of seconds, got "${value}".`);
  }
  return seconds;
}

/** A comma-separated list, e.g. `APP_ORIGIN=http://localhost:5173,http://127.0.0.1:5173`. */
export function listSetting(env: Env, name: string): string[] | undefined {
  const value = given(env, name);
  if (value === undefined) return undefined;
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

export function stringSetting(env: Env, name: string): string | undefined {
  return given(env, name);
}
