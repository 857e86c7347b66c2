// Trunk post_build hook (runs in the staging directory before it becomes dist/):
// 1. adds the sha256 of each inline <script> (trunk's wasm loader) to the CSP's script-src, so the
//    page needs neither 'unsafe-inline' nor 'unsafe-eval';
// 2. prints every file's raw and gzip size, and the shell total.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run through trunk)');
  process.exit(1);
}

const indexPath = join(staging, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  (match) => `'sha256-${createHash('sha256').update(match[1], 'utf8').digest('base64')}'`,
);
const marker = "script-src 'self' 'wasm-unsafe-eval'";
if (!html.includes(marker)) {
  console.error(`post-build: index.html has no CSP with "${marker}"`);
  process.exit(1);
}
html = html.replace(marker, [marker, ...hashes].join(' '));
writeFileSync(indexPath, html);
console.log(`post-build: CSP allows ${hashes.length} inline loader script(s) by hash`);

function* walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(8) + ' KB';
let rawTotal = 0;
let gzipTotal = 0;
console.log('post-build: dist/ sizes (raw, gzip -9)');
for (const path of walk(staging)) {
  const bytes = readFileSync(path);
  const gz = gzipSync(bytes, { level: 9 }).length;
  rawTotal += bytes.length;
  gzipTotal += gz;
  console.log(`  ${relative(staging, path).padEnd(44)} ${kb(bytes.length)} ${kb(gz)}`);
}
console.log(`  ${'total (app shell)'.padEnd(44)} ${kb(rawTotal)} ${kb(gzipTotal)}`);
