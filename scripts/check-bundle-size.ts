// The first (signed-out) page must stay light: the entry script and everything index.html preloads,
// gzipped, within the budget. Run after `npm run build`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 110;
const dist = new URL('../dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');

const scripts = [
  ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
  ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
].map((match) => match[1]);
if (scripts.length === 0) {
  console.error(
    'check-bundle-size: no entry script found in dist/index.html. Run `npm run build` first.',
  );
  process.exit(1);
}

let totalBytes = 0;
for (const src of scripts) {
  const bytes = gzipSync(readFileSync(join(dist, src))).length;
  totalBytes += bytes;
  console.log(`  ${src.padEnd(44)} ${(bytes / 1024).toFixed(1).padStart(6)} KB gzip`);
}
const totalKb = totalBytes / 1024;
console.log(`First page JavaScript: ${totalKb.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB)`);
if (totalKb > BUDGET_KB) {
  console.error(
    `check-bundle-size: over budget by ${(totalKb - BUDGET_KB).toFixed(1)} KB. Load more of it lazily with import().`,
  );
  process.exit(1);
}
