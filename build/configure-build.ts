import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseConfig, type ConfigProblem } from '../src/config/parse-config.ts';
import type { AppConfig } from '../src/config/schema.ts';
import { allowedOrigins } from './allowed-origins.ts';
import {
  contentSecurityPolicy,
  withPolicyMeta,
  type AllowedOrigin,
} from './content-security-policy.ts';
import { readDiscovery, type DiscoveryResult } from './discovery.ts';
import {
  cloudFrontResponseHeadersPolicy,
  headersFile,
  nginxHeaders,
  nginxMaps,
  securityHeaders,
} from './security-headers.ts';

export interface ConfigureOptions {
  /** The text of config.json, and its name for messages. */
  configText: string;
  configName: string;
  /** A built dist/ (npm run build): config.json, index.html's policy and `_headers` go here. */
  outDir: string;
  /** Header files for other hosts (nginx, CloudFront); outside dist/ so they are not published. */
  hostDir: string;
  allowOrigins?: readonly string[];
  /** Skip reading the provider's discovery document. */
  offline?: boolean;
  fetch?: typeof fetch;
  discoveryTimeoutMs?: number;
}

export type ConfigureResult =
  | { ok: false; summary: string; problems: ConfigProblem[] }
  | {
      ok: true;
      config: AppConfig;
      origins: AllowedOrigin[];
      notes: string[];
      headerPolicy: string;
      written: string[];
    };

// CloudFront's quota for the Content-Security-Policy value of a response headers policy.
const CLOUDFRONT_CSP_LIMIT = 1783;

/**
 * Deploy-time configuration: validates config.json with the app's own schema (the messages of
 * the app's config page), then writes it and the matching Content-Security-Policy into a build.
 * Running it again on the same build replaces what the previous run wrote.
 */
export async function configureBuild(options: ConfigureOptions): Promise<ConfigureResult> {
  const parsed = parseConfigText(options.configText, options.configName);
  if (!parsed.ok) return parsed;
  const { config } = parsed;

  const indexFile = join(options.outDir, 'index.html');
  const html = await readFile(indexFile, 'utf8').catch(() => undefined);
  if (html === undefined) {
    return failure(
      `${indexFile} is missing: run \`npm run build\` first, then configure its dist/.`,
    );
  }

  const discovery: DiscoveryResult | undefined = options.offline
    ? undefined
    : await readDiscovery(config.oidc.authority, {
        fetch: options.fetch,
        timeoutMs: options.discoveryTimeoutMs,
      });
  const { origins, notes } = allowedOrigins(config, discovery, options.allowOrigins);
  const headerPolicy = contentSecurityPolicy(origins, 'header');
  const page = withPolicyMeta(html, contentSecurityPolicy(origins, 'meta'));
  if (page === undefined) {
    return failure(
      `${indexFile} has no Content-Security-Policy meta tag: is it a Rolecall build (npm run build)?`,
    );
  }
  if (headerPolicy.length > CLOUDFRONT_CSP_LIMIT) {
    notes.push(
      `The policy is ${headerPolicy.length} characters, more than CloudFront's response headers policy takes (${CLOUDFRONT_CSP_LIMIT}): send it from the origin instead.`,
    );
  }

  const headers = securityHeaders(headerPolicy);
  const files: [string, string][] = [
    [
      join(options.outDir, 'config.json'),
      `${JSON.stringify(JSON.parse(options.configText), null, 2)}\n`,
    ],
    [indexFile, page],
    [join(options.outDir, '_headers'), headersFile(headers)],
    [join(options.hostDir, 'nginx-headers.conf'), nginxHeaders(headers)],
    [join(options.hostDir, 'nginx-maps.conf'), nginxMaps(config.oidc.redirectPath)],
    [
      join(options.hostDir, 'cloudfront-response-headers-policy.json'),
      json(cloudFrontResponseHeadersPolicy(headers, 'rolecall-pages', { openerPolicy: true })),
    ],
    [
      join(options.hostDir, 'cloudfront-callback-response-headers-policy.json'),
      json(cloudFrontResponseHeadersPolicy(headers, 'rolecall-callback', { openerPolicy: false })),
    ],
    [join(options.hostDir, 'content-security-policy.txt'), `${headerPolicy}\n`],
  ];
  await mkdir(options.hostDir, { recursive: true });
  for (const [file, text] of files) await writeFile(file, text);
  return { ok: true, config, origins, notes, headerPolicy, written: files.map(([file]) => file) };
}

/** config.json's text checked as the app checks it when it starts. */
export function parseConfigText(
  text: string,
  name: string,
): { ok: true; config: AppConfig } | { ok: false; summary: string; problems: ConfigProblem[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return failure(
      `${name} is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
  const result = parseConfig(raw);
  if (result.ok) return result;
  const count = result.problems.length;
  return {
    ok: false,
    summary: `${name} has ${count} problem${count === 1 ? '' : 's'}. Fix ${count === 1 ? 'it' : 'them'} and run this again.`,
    problems: result.problems,
  };
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function failure(summary: string) {
  return { ok: false as const, summary, problems: [] };
}
