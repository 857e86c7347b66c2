// The brotli copies the build writes beside dist/'s files (README, "Deploying"): one for every
// compressible file, each decompressing to its original, and smaller than gzip -9.
import { test, expect } from '@playwright/test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gzipSync } from 'node:zlib';

const DIST = join(import.meta.dirname, '../../dist');

test('every compressible file of the build has a brotli copy that decompresses to it and beats gzip', () => {
  const compressible = readdirSync(DIST).filter((name) => /\.(html|js|wasm|css|json|webmanifest|svg)$/.test(name));
  expect(compressible.some((name) => name.endsWith('.wasm'))).toBe(true);
  let brotli = 0;
  let gzip = 0;
  for (const name of compressible) {
    const copy = join(DIST, `${name}.br`);
    expect(existsSync(copy), `${name}.br`).toBe(true);
    const original = readFileSync(join(DIST, name));
    const compressed = readFileSync(copy);
    expect(brotliDecompressSync(compressed).equals(original), name).toBe(true);
    brotli += compressed.length;
    gzip += gzipSync(original, { level: 9 }).length;
  }
  expect(brotli).toBeLessThan(gzip * 0.85);
});
