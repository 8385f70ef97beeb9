// The first (signed-out) page must stay light: the entry script and everything index.html preloads,
// gzipped, within the budget. Run after `npm run build`.
import { existsSync } from 'node:fs';
import { firstPageScripts, totalKb } from './bundle-weight.ts';

// Issue 14's goal. TanStack Query loads with the signed-in view, not on the first page.
const BUDGET_KB = 100;
const dist = new URL('../dist/', import.meta.url).pathname;

const scripts = existsSync(`${dist}index.html`) ? firstPageScripts(dist) : [];
if (scripts.length === 0) {
  console.error(
    'check-bundle-size: no entry script found in dist/index.html. Run `npm run build` first.',
  );
  process.exit(1);
}

for (const { src, gzipBytes } of scripts) {
  console.log(`  ${src.padEnd(44)} ${(gzipBytes / 1024).toFixed(1).padStart(6)} KB gzip`);
}
const firstPageKb = totalKb(scripts);
console.log(`First page JavaScript: ${firstPageKb.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB)`);
if (firstPageKb > BUDGET_KB) {
  console.error(
    `check-bundle-size: over budget by ${(firstPageKb - BUDGET_KB).toFixed(1)} KB. Load more of it lazily with import().`,
  );
  process.exit(1);
}
