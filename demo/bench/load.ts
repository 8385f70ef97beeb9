import { Agent, request } from 'node:http';

/**
 * A small HTTP load generator for the benchmark: a fixed number of requests over keep-alive
 * connections, `concurrency` at a time, and the rate they were answered at.
 */
export interface Answer {
  status: number;
  body: string;
}

export type Call = () => Promise<Answer>;

/** A run stops here even if unfinished, so the benchmark always ends. */
const RUN_TIME_LIMIT_MS = 60_000;

export function createClient(concurrency: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const post = (url: URL, body: string, headers: Record<string, string>): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const call = request(url, { method: 'POST', agent, headers }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      });
      call.on('error', reject);
      call.end(body);
    });
  return { post, close: () => agent.destroy() };
}

/** Requests per second for `count` calls, `concurrency` in flight; every answer must be 200. */
export async function measureRate(call: Call, count: number, concurrency: number) {
  let started = 0;
  let failed = 0;
  let firstFailure = '';
  const deadline = performance.now() + RUN_TIME_LIMIT_MS;
  const begin = performance.now();
  const worker = async () => {
    while (started < count && performance.now() < deadline) {
      started += 1;
      const answer = await call();
      if (answer.status !== 200) {
        failed += 1;
        firstFailure ||= answer.body.slice(0, 300);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  if (failed > 0) throw new Error(`${failed} of ${started} requests failed: ${firstFailure}`);
  return (started / (performance.now() - begin)) * 1000;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export const spread = (runs: number[]): Spread => ({
  median: median(runs),
  min: Math.min(...runs),
  max: Math.max(...runs),
  runs,
});
