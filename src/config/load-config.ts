import { ExplainedError } from '../utils/explained-error';
import type * as ParseConfigModule from './parse-config';
import type { ConfigProblem } from './parse-config';
import type { AppConfig } from './schema';

export type LoadedConfig =
  { ok: true; config: AppConfig } | { ok: false; error: ExplainedError; problems: ConfigProblem[] };

const PUT_ONE_THERE =
  "Put a config.json next to index.html (see the README's configuration reference).";

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
    return failure(url, 'NetworkError', `Could not download ${url}`, {
      hint: 'Check that the site is reachable and reload.',
      retryable: true,
    });
  }
  if (!response.ok) {
    return failure(
      url,
      `HTTP ${response.status}`,
      `${url} answered ${response.status} ${response.statusText}`,
      {
        hint: PUT_ONE_THERE,
        status: response.status,
      },
    );
  }
  const text = await response.text();
  // Static hosts often answer a missing file with the app's index.html.
  if (/^\s*</.test(text)) {
    return failure(
      url,
      'NotFound',
      `${url} is missing: the server answered with a web page instead`,
      {
        hint: PUT_ONE_THERE,
      },
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return failure(url, 'NotJson', `${url} is not valid JSON: ${detail.replace(/\.$/, '')}`, {
      hint: 'Correct the file and reload.',
      said: detail,
    });
  }
  let parseConfig: typeof ParseConfigModule.parseConfig;
  try {
    ({ parseConfig } = await validator);
  } catch {
    return failure(url, 'ChunkLoadFailed', 'Part of Rolecall could not be downloaded', {
      hint: 'Check your connection and reload.',
      retryable: true,
    });
  }
  const result = parseConfig(raw);
  if (result.ok) return result;
  const count = result.problems.length;
  return {
    ...failure(url, 'InvalidConfig', `${url} has ${count} problem${count === 1 ? '' : 's'}`, {
      hint: `Fix ${count === 1 ? 'it' : 'them'} and reload.`,
    }),
    problems: result.problems,
  };
}

function failure(
  url: string,
  code: string,
  title: string,
  more: { hint: string; retryable?: boolean; status?: number; said?: string },
): LoadedConfig & { ok: false } {
  const error = new ExplainedError({
    source: 'config',
    operation: `load ${url}`,
    code,
    title,
    retryable: false,
    ...more,
  });
  return { ok: false, error, problems: [] };
}
