import type * as ParseConfigModule from './parse-config';
import type { ConfigProblem } from './parse-config';
import type { AppConfig } from './schema';

export type LoadedConfig =
  | { ok: true; config: AppConfig }
  | { ok: false; url: string; summary: string; problems: ConfigProblem[] };

/** Fetches and validates the runtime configuration, so that one build can be deployed anywhere. */
export async function loadConfig(
  url = '/config.json',
  fetcher: typeof fetch = fetch,
): Promise<LoadedConfig> {
  // The validator loads alongside the file instead of in the entry chunk: same wait, lighter first page.
  const validator = import('./parse-config');
  validator.catch(() => undefined);
  let response: Response;
  try {
    response = await fetcher(url, { cache: 'no-store' });
  } catch {
    return failure(url, `Could not download ${url}. Check that the site is reachable and reload.`);
  }
  if (!response.ok) {
    return failure(
      url,
      `${url} answered ${response.status} ${response.statusText}. Put a config.json next to index.html (see the README's configuration reference).`,
    );
  }
  const text = await response.text();
  // Static hosts often answer a missing file with the app's index.html.
  if (/^\s*</.test(text)) {
    return failure(
      url,
      `${url} is missing: the server answered with a web page instead. Put a config.json next to index.html (see the README's configuration reference).`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return failure(url, `${url} is not valid JSON: ${detail}.`);
  }
  let parseConfig: typeof ParseConfigModule.parseConfig;
  try {
    ({ parseConfig } = await validator);
  } catch {
    return failure(
      url,
      'Part of Rolecall could not be downloaded. Check your connection and reload.',
    );
  }
  const result = parseConfig(raw);
  if (result.ok) return result;
  return {
    ok: false,
    url,
    summary: `${url} has ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}. Fix ${result.problems.length === 1 ? 'it' : 'them'} and reload.`,
    problems: result.problems,
  };
}

function failure(url: string, summary: string): LoadedConfig {
  return { ok: false, url, summary, problems: [] };
}
