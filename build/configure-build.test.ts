import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './content-security-policy.ts';
import { configureBuild } from './configure-build.ts';

const run = promisify(execFile);

// A provider whose token endpoint lives on another origin than its issuer (127.0.0.1 vs localhost).
let provider: Server;
let issuer: string;
beforeAll(async () => {
  provider = createServer((request, response) => {
    if (request.url !== '/.well-known/openid-configuration')
      return void response.writeHead(404).end();
    const port = (provider.address() as { port: number }).port;
    response.setHeader('Content-Type', 'application/json');
    response.end(
      JSON.stringify({
        issuer: `http://localhost:${port}`,
        authorization_endpoint: `http://localhost:${port}/authorize`,
        token_endpoint: `http://127.0.0.1:${port}/token`,
      }),
    );
  });
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  issuer = `http://localhost:${(provider.address() as { port: number }).port}`;
});
afterAll(() => new Promise((resolve) => provider.close(resolve)));

function fakeBuild(): { outDir: string; hostDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'rolecall-configure-'));
  const outDir = join(root, 'dist');
  const page = `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy([], 'meta')}"><title>Rolecall</title></head></html>`;
  mkdirSync(outDir);
  writeFileSync(join(outDir, 'index.html'), page);
  return { outDir, hostDir: join(root, 'rolecall-host') };
}

const configText = (authority: string, extra: object = {}) =>
  JSON.stringify({
    oidc: { authority, clientId: 'rolecall' },
    sts: { region: 'eu-central-1' },
    accounts: [{ id: '111122223333', name: 'Main', roles: [{ name: 'Developer' }] }],
    ...extra,
  });

describe('configureBuild', () => {
  it('writes the config and the policy it needs, with origins read from the discovery document', async () => {
    const dirs = fakeBuild();
    const result = await configureBuild({
      configText: configText(issuer),
      configName: 'config.json',
      ...dirs,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const port = new URL(issuer).port;
    expect(result.origins.map((o) => `${o.directive} ${o.origin}`)).toEqual([
      `connect-src ${issuer}`,
      `connect-src http://127.0.0.1:${port}`,
      `frame-src ${issuer}`,
      'connect-src https://sts.eu-central-1.amazonaws.com',
    ]);
    const html = readFileSync(join(dirs.outDir, 'index.html'), 'utf8');
    expect(html).toContain(
      `connect-src 'self' ${issuer} http://127.0.0.1:${port} https://sts.eu-central-1.amazonaws.com;`,
    );
    expect(JSON.parse(readFileSync(join(dirs.outDir, 'config.json'), 'utf8'))).toMatchObject({
      oidc: { authority: issuer },
    });
    const headers = readFileSync(join(dirs.outDir, '_headers'), 'utf8');
    expect(headers).toMatch(/^\/\*\n {2}Content-Security-Policy: .*frame-ancestors 'none'\n/);
    expect(headers).toContain('  Referrer-Policy: no-referrer\n');
    const nginx = readFileSync(join(dirs.hostDir, 'nginx-headers.conf'), 'utf8');
    expect(nginx).toContain(
      'add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;',
    );
    const cloudFront = JSON.parse(
      readFileSync(join(dirs.hostDir, 'cloudfront-response-headers-policy.json'), 'utf8'),
    ) as { SecurityHeadersConfig: { ContentSecurityPolicy: { ContentSecurityPolicy: string } } };
    expect(cloudFront.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy).toBe(
      result.headerPolicy,
    );
  });

  it('configures the same build again for another provider', async () => {
    const dirs = fakeBuild();
    await configureBuild({ configText: configText(issuer), configName: 'a.json', ...dirs });
    const second = await configureBuild({
      configText: configText('https://other.example.com'),
      configName: 'b.json',
      offline: true,
      ...dirs,
    });
    expect(second.ok).toBe(true);
    const html = readFileSync(join(dirs.outDir, 'index.html'), 'utf8');
    expect(html).toContain('https://other.example.com');
    expect(html).not.toContain(issuer);
  });

  it("refuses an invalid config with the app's own messages, and writes nothing", async () => {
    const dirs = fakeBuild();
    const before = readFileSync(join(dirs.outDir, 'index.html'), 'utf8');
    const result = await configureBuild({
      configText: configText('http://idp.example.com', { sts: { region: 'Frankfurt' } }),
      configName: 'config.json',
      ...dirs,
    });
    expect(result).toEqual({
      ok: false,
      summary: 'config.json has 1 problem. Fix it and run this again.',
      problems: [
        { field: 'sts.region', message: expect.stringContaining('must be an AWS region') },
      ],
    });
    expect(readFileSync(join(dirs.outDir, 'index.html'), 'utf8')).toBe(before);
  });

  it('says when the folder is not a build', async () => {
    const result = await configureBuild({
      configText: configText(issuer),
      configName: 'config.json',
      outDir: mkdtempSync(join(tmpdir(), 'rolecall-empty-')),
      hostDir: mkdtempSync(join(tmpdir(), 'rolecall-host-')),
      offline: true,
    });
    expect(result).toMatchObject({
      ok: false,
      summary: expect.stringMatching(/run `npm run build` first/),
    });
  });
});

describe('npm run configure', () => {
  it('prints each problem and exits 1', async () => {
    const dirs = fakeBuild();
    const file = join(dirs.outDir, '..', 'bad.json');
    writeFileSync(file, configText('http://idp.example.com'));
    const failed = await run('npx', [
      'tsx',
      'scripts/configure.ts',
      '--config',
      file,
      '--out',
      dirs.outDir,
    ]).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({
      code: 1,
      stderr: expect.stringContaining(
        'oidc.authority must use https (plain http is allowed only for localhost, such as the demo stack)',
      ),
    });
  });

  it('prints the origins it allowed and why', async () => {
    const dirs = fakeBuild();
    const file = join(dirs.outDir, '..', 'good.json');
    writeFileSync(file, configText(issuer));
    const { stdout } = await run('npx', [
      'tsx',
      'scripts/configure.ts',
      '--config',
      file,
      '--out',
      dirs.outDir,
    ]);
    expect(stdout).toMatch(
      /connect-src +http:\/\/127\.0\.0\.1:\d+ +token_endpoint: the sign-in code exchange/,
    );
    expect(stdout).toContain(join(dirs.outDir, '..', 'rolecall-host', 'nginx-headers.conf'));
  });
});
