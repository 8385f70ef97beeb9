import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ScriptWeight {
  /** As index.html names it, e.g. `/assets/index-abc123.js`. */
  src: string;
  gzipBytes: number;
}

/** Gzipped size of one built file, named as the page requests it (`/assets/x.js`). */
export function gzipWeight(dist: string, src: string): ScriptWeight {
  return { src, gzipBytes: gzipSync(readFileSync(join(dist, src))).length };
}

/** The JavaScript of the first (signed-out) page: the entry script and everything it preloads. */
export function firstPageScripts(dist: string): ScriptWeight[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  return [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((match) => gzipWeight(dist, match[1]));
}

/** Every JavaScript file of the build. */
export function allScripts(dist: string): ScriptWeight[] {
  return readdirSync(join(dist, 'assets'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => gzipWeight(dist, `/assets/${name}`));
}

export const totalKb = (scripts: readonly ScriptWeight[]) =>
  scripts.reduce((sum, script) => sum + script.gzipBytes, 0) / 1024;
