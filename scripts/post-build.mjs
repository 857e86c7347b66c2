// Trunk post_build hook (runs on the staging directory before it becomes dist/):
// 0. builds the office app (office.html, the binary field-ledger-office) with trunk into office/
//    of the staging directory, with the same profile and under the same public URL; that inner
//    build runs this hook too (FIELD_LEDGER_APP=office), for steps 1, 2 and 4 of its page only;
// 1. adds the sha256 of each inline <script> (trunk's wasm loader) to the CSP's script-src, so the
//    page needs neither 'unsafe-inline' nor 'unsafe-eval';
// 2. stamps the build: `<meta name="field-ledger-version" content="0.1.0+a1b2c3d">` in the page
//    and `version.json` (the version is Cargo.toml's, the build the git commit);
// 3. writes the service worker `sw.js` from public/service-worker.js with the exact list of built
//    files to precache and a cache name that changes with every build;
// 4. checks that public/boot-check.js parses as ES5 (old WebViews must run it) and probes every
//    WebAssembly feature the built wasm uses;
// 5. prints every file's raw and gzip size, and the app shell total;
// 6. writes a brotli copy (quality 11) beside every compressible file, `<file>.br`, for servers
//    that serve precompressed files (README, "Deploying"); not precached, not in the gzip budget.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gzipSync } from 'node:zlib';
import { parse } from 'acorn';
import { checkProbes } from './wasm-features.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
if (!staging) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run through trunk)');
  process.exit(1);
}
// The office app's own build (step 0) runs this hook on its page alone.
const officeBuild = process.env.FIELD_LEDGER_APP === 'office';
const OFFICE = 'office';

// 0. The office app, beside the tablet app.
if (!officeBuild) {
  const publicUrl = (process.env.TRUNK_PUBLIC_URL ?? '/').replace(/\/?$/, '/');
  const release = process.env.TRUNK_PROFILE === 'release';
  console.log(`post-build: building the office app into ${OFFICE}/ (public URL ${publicUrl}${OFFICE}/)`);
  execFileSync(
    'trunk',
    ['build', ...(release ? ['--release'] : []), '--public-url', `${publicUrl}${OFFICE}/`, '--dist', join(staging, OFFICE), 'office.html'],
    { cwd: source, stdio: 'inherit', env: { ...process.env, FIELD_LEDGER_APP: 'office' } },
  );
}

function* walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

// 1. CSP hash of the inline loader.
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

// 2. Version and build.
const version = readFileSync(join(source, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];
let commit = 'local';
try {
  commit = execFileSync('git', ['rev-parse', '--short=7', 'HEAD'], { cwd: source, stdio: ['ignore', 'pipe', 'ignore'] })
    .toString()
    .trim();
} catch {
  // Not a git checkout (a source tarball): the build is still told apart by its cache name.
}
const stamp = `${version}+${commit}`;
html = html.replace(/<meta charset=["']?utf-8["']?\s*\/?>/i, (meta) => `${meta}<meta name="field-ledger-version" content="${stamp}">`);
writeFileSync(indexPath, html);
console.log(`post-build: CSP allows ${hashes.length} inline loader script(s) by hash; version ${stamp}`);
if (officeBuild) {
  checkBootProbes(staging, [...walk(staging)].map((path) => relative(staging, path)));
  process.exit(0);
}
writeFileSync(join(staging, 'version.json'), JSON.stringify({ version, build: commit }) + '\n');

// 3. Service worker: precache every built file; the cache name hashes their contents.
const files = [...walk(staging)]
  .map((path) => relative(staging, path).split('\\').join('/'))
  .filter((path) => path !== 'sw.js' && path !== 'version.json');
const contents = createHash('sha256');
for (const file of files) contents.update(file).update(readFileSync(join(staging, file)));
const cacheName = `field-ledger-${commit}-${contents.digest('hex').slice(0, 12)}`;
const worker = readFileSync(join(source, 'public/service-worker.js'), 'utf8')
  .replace("'__CACHE_NAME__'", JSON.stringify(cacheName))
  .replace('__PRECACHE__', JSON.stringify(files));
writeFileSync(join(staging, 'sw.js'), worker);
console.log(`post-build: sw.js precaches ${files.length} files as cache ${cacheName}`);

// 4. The boot check: ES5 only, and its wasm feature probes cover what the build uses.
function checkBootProbes(dir, builtFiles) {
  const bootCheck = join(source, 'public/boot-check.js');
  try {
    parse(readFileSync(bootCheck, 'utf8'), { ecmaVersion: 5, sourceType: 'script' });
  } catch (error) {
    console.error(`post-build: public/boot-check.js must be ES5 (an old WebView could not parse it): ${error.message}`);
    process.exit(1);
  }
  // This page's own wasm (the office app's is checked by its own build).
  const wasmFile = builtFiles.find((file) => file.endsWith('.wasm') && !file.includes('/'));
  const { problems, used } = checkProbes(join(dir, wasmFile), bootCheck);
  if (problems.length) {
    console.error(`post-build: the boot check's wasm probes do not fit the build:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`post-build: the wasm uses ${used.join(', ')}; boot-check.js probes each`);
}
checkBootProbes(staging, files);

// 5. Sizes.
const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(8) + ' KB';
// The app shell is what the tablet app's page loads first (its own html, js, wasm and css); the
// office app's page is counted apart (the service worker fetches it after the first load).
const shell = /\.(html|js|wasm|css)$/;
const inShell = (name) => shell.test(name) && name !== 'sw.js' && !name.startsWith(`${OFFICE}/`);
const inOffice = (name) => shell.test(name) && name.startsWith(`${OFFICE}/`);
let shellRaw = 0;
let shellGzip = 0;
let officeRaw = 0;
let officeGzip = 0;
console.log('post-build: dist/ sizes (raw, gzip -9)');
for (const path of walk(staging)) {
  const name = relative(staging, path);
  const bytes = readFileSync(path);
  const gz = gzipSync(bytes, { level: 9 }).length;
  if (inShell(name)) {
    shellRaw += bytes.length;
    shellGzip += gz;
  }
  if (inOffice(name)) {
    officeRaw += bytes.length;
    officeGzip += gz;
  }
  console.log(`  ${name.padEnd(44)} ${kb(bytes.length)} ${kb(gz)}`);
}
console.log(`  ${'app shell (html + js + wasm + css)'.padEnd(44)} ${kb(shellRaw)} ${kb(shellGzip)}`);
console.log(`  ${'office app (its html + js + wasm + css)'.padEnd(44)} ${kb(officeRaw)} ${kb(officeGzip)}`);

// 6. Brotli copies, checked to decompress to the original.
const compressible = /\.(html|js|wasm|css|json|webmanifest|svg)$/;
let shellBrotli = 0;
for (const path of [...walk(staging)]) {
  const name = relative(staging, path);
  if (!compressible.test(name)) continue;
  const bytes = readFileSync(path);
  const br = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      ...(name.endsWith('.wasm') ? {} : { [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT }),
    },
  });
  if (!brotliDecompressSync(br).equals(bytes)) {
    console.error(`post-build: the brotli copy of ${name} does not decompress to it`);
    process.exit(1);
  }
  writeFileSync(`${path}.br`, br);
  if (inShell(name)) shellBrotli += br.length;
}
console.log(`  ${'app shell, brotli -11 (.br copies)'.padEnd(44)} ${kb(shellRaw)} ${kb(shellBrotli)}`);
