import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildConsoleBroker } from './build.ts';
import type { FunctionUrlEvent, FunctionUrlResult } from './src/handler.ts';
import { startFakeFederation, type FakeFederation } from './src/test/fake-federation.ts';

const ORIGIN = 'https://rolecall.example.com';
let outDir: string;
let federation: FakeFederation;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'console-broker-'));
  buildConsoleBroker(outDir);
  federation = await startFakeFederation();
}, 120_000);
afterEach(() => vi.unstubAllEnvs());
afterAll(async () => {
  rmSync(outDir, { recursive: true, force: true });
  await federation.close();
});

describe('the Lambda package', () => {
  it('holds plain ES modules that import nothing but each other and Node', () => {
    const files = readdirSync(outDir);
    expect(files).toContain('handler.js');
    expect(files.filter((file) => file.includes('test'))).toEqual([]);
    expect(JSON.parse(readFileSync(join(outDir, 'package.json'), 'utf8'))).toEqual({
      type: 'module',
    });
    const imports = files
      .filter((file) => file.endsWith('.js'))
      .flatMap((file) => [...readFileSync(join(outDir, file), 'utf8').matchAll(/from "([^"]+)"/g)])
      .map((match) => match[1]);
    expect(imports.filter((name) => !/^\.\/[a-z-]+\.js$/.test(name))).toEqual([]);
  });

  it('signs in as built', async () => {
    vi.stubEnv('CONSOLE_BROKER_ALLOWED_ORIGINS', ORIGIN);
    vi.stubEnv('CONSOLE_BROKER_FEDERATION_URL', federation.url);
    const { handler } = (await import(pathToFileURL(join(outDir, 'handler.js')).href)) as {
      handler: (event: FunctionUrlEvent) => Promise<FunctionUrlResult>;
    };

    const credentials = {
      accessKeyId: 'ASIAQBUILDTEST000001',
      secretAccessKey: 'build-test-secret',
      sessionToken: 'build-test-token',
    };
    const result = await handler({
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({
        credentials,
        destination: 'console',
        region: 'eu-west-1',
        chained: true,
      }),
      requestContext: { http: { method: 'POST' } },
    });

    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body)).toMatchObject({
      loginUrl: expect.stringContaining('SigninToken=fake-signin-token'),
    });
    expect(federation.requests.map((request) => request.method)).toEqual(['POST']);
  });
});
