// The brotli copies the build writes beside dist/'s files (README, "Deploying"): one for every
// compressible file, each decompressing to its original, and smaller than gzip -9.
import { test, expect } from '@playwright/test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gzipSync } from 'node:zlib';

const DIST = join(import.meta.dirname, '../../dist');

test('every compressible file of the build has a brotli copy that decompresses to it and beats gzip', () => {
  // Both apps' files: the tablet app's and the office app's (office/).
  const compressible = readdirSync(DIST, { recursive: true }).filter((name) => /\.(html|js|wasm|css|json|webmanifest|svg)$/.test(name));
  expect(compressible.some((name) => name.startsWith('office/') && name.endsWith('.wasm'))).toBe(true);
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

test('served as the README advises (the brotli copy to a browser that accepts br), both apps start', async ({ page }) => {
  const encodings = new Map();
  page.on('response', async (response) => {
    if (response.url().endsWith('.wasm')) encodings.set(new URL(response.url()).pathname, (await response.allHeaders())['content-encoding']);
  });
  await page.goto('/');
  await expect(page.getByTestId('device-page')).toBeVisible();
  await page.goto('/office/#/');
  await expect(page.getByTestId('device-page')).toBeVisible();
  const served = [...encodings];
  expect(served.map(([path]) => path.startsWith('/office/'))).toEqual([false, true]);
  expect(served.map(([, encoding]) => encoding)).toEqual(['br', 'br']);
});
