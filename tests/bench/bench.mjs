// Benchmark: prints figures, asserts nothing (speed goals are measured, not tested).
// Run with `bash scripts/bench.sh` after a release build. Figures so far:
// - app shell: raw and gzip bytes of every file in dist/ (target ≤ 250 KB gzip);
// - reload to interactive: navigation start → overview in the DOM, median and p95 of 20 reloads;
// - JS heap after load.
// Event-count scenarios (1,000 / 10,000 events, roster, statistics, CSV, merge) join as those
// features land.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const PORT = 4174;
const RELOADS = 20;

function shellSize(dir) {
  let raw = 0;
  let gzip = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) continue;
    const bytes = readFileSync(path);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

const server = spawn('node', ['tests/e2e/static-server.mjs', 'dist', String(PORT)], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve) => server.stdout.once('data', resolve));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--enable-precise-memory-info'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('[data-testid=overview-page]')) {
        window.__interactiveAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const times = [];
  for (let i = 0; i <= RELOADS; i++) {
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await page.waitForFunction(() => window.__interactiveAt !== undefined);
    const at = await page.evaluate(() => window.__interactiveAt);
    if (i > 0) times.push(at); // the first load warms the HTTP cache and compiled-wasm cache
  }
  const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);
  const { raw, gzip } = shellSize('dist');
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log('Field Ledger benchmark (headless Chromium, this machine)');
  console.log(`  app shell (html+js+wasm+css+icon): ${kb(raw)} raw, ${kb(gzip)} gzip   [target ≤ 250 KB gzip]`);
  console.log(
    `  reload to interactive, overview, 0 events: median ${percentile(times, 50).toFixed(1)} ms, ` +
      `p95 ${percentile(times, 95).toFixed(1)} ms over ${RELOADS} reloads`,
  );
  console.log(`  JS heap after load: ${(heap / 1048576).toFixed(1)} MB`);
} finally {
  await browser.close();
  server.kill();
}
