// Keeps the boot check's probes true to the build: finds the WebAssembly features the built wasm
// uses, with binaryen's own validator (no guessing), and fails the build if public/boot-check.js
// has no probe for one of them, or if a probe does not need exactly its feature.
//
// A feature F is used when the module stops validating with F disabled and everything else on.
// (Binaryen splits some features: `bulk-memory-opt` is memory.copy/fill, probed by the
// `bulk-memory` probe; `call-indirect-overlong` comes with reference types.)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';

/** Every feature binaryen 132 knows. */
const BINARYEN_FEATURES = [
  'sign-ext', 'threads', 'mutable-globals', 'nontrapping-float-to-int', 'simd', 'bulk-memory',
  'bulk-memory-opt', 'exception-handling', 'tail-call', 'reference-types', 'multivalue', 'gc',
  'memory64', 'relaxed-simd', 'extended-const', 'strings', 'multimemory', 'stack-switching',
  'shared-everything', 'fp16', 'call-indirect-overlong', 'custom-descriptors', 'relaxed-atomics',
  'custom-page-sizes', 'wide-arithmetic', 'acquire-release-atomics', 'multibyte', 'compact-imports',
  'typed-function-references',
];

/** Features binaryen counts apart that one probe of boot-check.js covers. */
const COVERED_BY = { 'bulk-memory-opt': 'bulk-memory', 'call-indirect-overlong': 'reference-types' };

/** npm's binaryen 132 (Debian's wasm-opt 108 knows fewer features). */
const projectWasmOpt = join(import.meta.dirname, '../node_modules/.bin/wasm-opt');
const WASM_OPT = existsSync(projectWasmOpt) ? projectWasmOpt : 'wasm-opt';

function validates(file, flags) {
  try {
    execFileSync(WASM_OPT, [...flags, file, '-o', '/dev/null'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * The features `wasmFile` uses, by binaryen's validator. A `target_features` section (left by the
 * linker) would override the flags, so it is stripped from a copy first; only the features it
 * enables can be in use, so only those are tried.
 */
export function usedFeatures(wasmFile) {
  const printed = execFileSync(WASM_OPT, ['--print-features', wasmFile], { encoding: 'utf8' });
  const enabled = [...printed.matchAll(/--enable-([a-z0-9-]+)/g)].map((match) => match[1]);
  const candidates = enabled.length ? enabled : BINARYEN_FEATURES;
  const dir = mkdtempSync(join(tmpdir(), 'wasm-features-'));
  try {
    const stripped = join(dir, 'stripped.wasm');
    execFileSync(WASM_OPT, [wasmFile, '--strip-target-features', '-o', stripped], { stdio: 'ignore' });
    if (!validates(stripped, ['--all-features'])) throw new Error(`${wasmFile} is not valid WebAssembly`);
    return candidates.filter((feature) => !validates(stripped, ['--all-features', `--disable-${feature}`]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The probes of public/boot-check.js: feature name -> module bytes. */
export function bootCheckProbes(bootCheckFile) {
  const source = readFileSync(bootCheckFile, 'utf8');
  const literal = source.match(/var WASM_FEATURE_PROBES = (\{[\s\S]*?\});/);
  if (!literal) throw new Error(`${bootCheckFile} has no WASM_FEATURE_PROBES`);
  return runInNewContext(`(${literal[1]})`);
}

/**
 * Checks the probes against the build; answers the problems (empty when all is well) and the
 * features used.
 */
export function checkProbes(wasmFile, bootCheckFile) {
  const problems = [];
  const used = usedFeatures(wasmFile);
  const probes = bootCheckProbes(bootCheckFile);
  for (const feature of used) {
    const probe = COVERED_BY[feature] ?? feature;
    if (!probes[probe]) problems.push(`the build uses the wasm feature "${feature}" but boot-check.js has no probe "${probe}"`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'wasm-probes-'));
  try {
    for (const [feature, bytes] of Object.entries(probes)) {
      const file = join(dir, `${feature}.wasm`);
      writeFileSync(file, Uint8Array.from(bytes));
      if (validates(file, ['--mvp-features'])) problems.push(`probe "${feature}" validates without the feature`);
      if (!validates(file, ['--mvp-features', `--enable-${feature}`])) problems.push(`probe "${feature}" is invalid with the feature`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { problems, used };
}
