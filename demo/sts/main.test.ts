import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSts, type RunningSts } from './server.ts';

/** The standalone entry point fails fast and clearly on bad settings. */
const run = promisify(execFile);
const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

async function main(env: Record<string, string>) {
  try {
    await run(process.execPath, ['--import', 'tsx', MAIN], {
      env: { ...process.env, ...env },
      timeout: 15_000,
    });
    return { code: 0, stderr: '' };
  } catch (error) {
    const failed = error as { code?: number; stderr?: string };
    return { code: failed.code, stderr: failed.stderr ?? '' };
  }
}

describe('demo/sts/main.ts', () => {
  let busy: RunningSts;
  beforeAll(async () => {
    busy = await startSts({ port: 0, issuer: 'http://localhost:5180' });
  });
  afterAll(() => busy.close());

  it('exits 1 with a clear message when the port is taken', async () => {
    const port = new URL(busy.url).port;
    const result = await main({ STS_PORT: port });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`STS failed to start: Port ${port} is already in use`);
    expect(result.stderr).toContain('set STS_PORT to another port');
  });

  it('exits 1 on a bad fault setting', async () => {
    const result = await main({ STS_PORT: '0', STS_FAULT_LATENCY_MS: 'slow' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'STS failed to start: bad fault setting: latencyMs must be a number',
    );
  });

  it('exits 1 on a port that is no port', async () => {
    const result = await main({ STS_PORT: '70000' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('STS failed to start: STS_PORT must be a port number');
  });
});
