// Benchmark: prints figures, asserts nothing (speed goals are measured, not tested).
// Run with `bash scripts/bench.sh` (it builds the release app first). Figures:
// - app shell: raw and gzip bytes of every file in dist/ (target ≤ 250 KB gzip);
// - reload to interactive: navigation start → the event list rendered from IndexedDB, with
//   0, 1,000 and 10,000 events stored (median and p95 over several reloads);
// - the same with 100,000 roster entries added (live sign-in counts are stored per event);
// - the roster CSV and the JSON report over all of them (tests/bench/exports.mjs), again with the
//   sign-ins spread 10 per event over all 10,000 events;
// - head-counter tap → new count on screen, and → durable (the transaction completed), p50/p95;
// - JS heap and wasm memory with 10,000 events and 100,000 roster entries.
// - merging 10 files of 1,000 events (tests/bench/merge.mjs);
// - the first start after the move of 100,000 sign-ins into pages (tests/bench/upgrade.mjs);
// - what a unit's tablet loads first and in all, the office app's files, the load on slow 4G
//   with a 4× slower CPU, each office screen's first opening, a sign-in at 2,000 per event
//   (tests/bench/first-load.mjs).
import { chromium } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { TEST_DEVICE } from '../e2e/app-fixture.mjs';
import { benchSync } from './sync.mjs';
import { benchMerge } from './merge.mjs';
import { benchFirstLoad, benchOfficeScreens, benchSignIn } from './first-load.mjs';
import { rosterPages } from './roster-pages.mjs';
import { benchExports, timeDownloads } from './exports.mjs';
import { benchUpgrade } from './upgrade.mjs';

const PORT = 4174;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const DEVICE = TEST_DEVICE;

/** The app shell as the hook counts it: html, js, wasm, css (not the service worker itself). */
function shellSize(dir) {
  let raw = 0;
  let gzip = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory() || !/\.(html|js|wasm|css)$/.test(name) || name === 'sw.js') continue;
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

/** Writes `[key, json]` pairs straight into an IndexedDB store of the app (its layout: JSON text
 * under the key), in one transaction, optionally clearing the store first. */
async function putRaw(page, storeName, pairs, { clear = false } = {}) {
  await page.evaluate(
    ([storeName, pairs, clear]) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('field-ledger');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const transaction = open.result.transaction(storeName, 'readwrite');
          const store = transaction.objectStore(storeName);
          if (clear) store.clear();
          for (const [key, json] of pairs) store.put(json, key);
          transaction.oncomplete = () => { open.result.close(); resolve(); };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    [storeName, pairs, clear],
  );
}

/** A record as the app stores it: JSON in ASCII, every other character a `\uXXXX` escape
 * (`ascii_json` in src/domain/schema.rs). */
const storedJson = (record) =>
  JSON.stringify(record).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const uuid = (prefix, n) => `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const PLACES = ['中山公园广场', '望海楼社区', '意式风情街', '建昌道社区', '人民公园'];
const STAMP = '2021-09-01T01:00:00Z';

/** Replaces the stored events with `count` generated ones. */
async function storeEvents(page, count) {
  const pairs = [];
  for (let i = 0; i < count; i++) {
    const id = uuid('00000000', i);
    const record = {
      id, campaign_id: 'quality-month-2021',
      activity: { kind: 'planned', activity_id: `qm2021-a${String(1 + (i % 19)).padStart(2, '0')}` },
      device_id: TEST_DEVICE.id, organising_unit_id: 'quality', office_name: null,
      start_date: `2021-09-${String(1 + (i % 30)).padStart(2, '0')}`, end_date: null,
      start_time: '09:00:00', end_time: '11:00:00', attendance: 'offline',
      place: PLACES[i % PLACES.length], recorder: '王芳',
      head_count: i % 120, publicity_minutes: 30, publicity_reports: 1, materials_handed_out: 50,
      extra_counts: {}, direction_id: 'publicity', notes: '',
      created_at: STAMP, updated_at: STAMP, revision: 1, deleted: false, schema_version: 1,
    };
    pairs.push([id, storedJson(record)]);
  }
  await putRaw(page, 'events', pairs, { clear: true });
}

/** Adds `count` live sign-ins spread over the first `spread` events (1,000: 100 each), or all
 * at event `only` after the 100 it has. */
async function storeRoster(page, count, only, spread = 1000) {
  const pairs = [];
  for (let i = 0; i < count; i++) {
    const event = uuid('00000000', only ?? i % spread);
    const id = uuid(only === undefined ? '10000000' : '11000000', i);
    const entry = {
      id, event_id: event, name: `居民${i}`, phone: i % 2 ? `138${String(i).padStart(8, '0')}` : null,
      affiliation: i % 3 ? null : '望海楼社区',
      signed_in_at: STAMP, created_at: STAMP, updated_at: STAMP, revision: 1, deleted: false, schema_version: 1,
    };
    pairs.push([event, storedJson(entry)]);
  }
  const { pages, counts } = rosterPages(pairs, only === undefined ? {} : { firstPage: 1, countBefore: 100 });
  await putRaw(page, 'roster_pages', pages);
  await putRaw(page, 'roster_live', counts);
}

/** Taps +1 `taps` times, one after another, timing each to "on screen" and to "saved". */
async function timeTaps(page, taps) {
  return page.evaluate(async (taps) => {
    const root = document.querySelector('[data-testid=counter-page]');
    const plus = document.querySelector('[data-testid=counter-plus]');
    const count = () => Number(document.querySelector('[data-testid=head-count]').textContent);
    const saved = () => document.querySelector('[data-testid=counter-status]').dataset.saved === 'true';
    const shown = [];
    const durable = [];
    for (let tap = 0; tap < taps; tap++) {
      const target = count() + 1;
      const start = performance.now();
      let onScreen;
      await new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (onScreen === undefined && count() === target) onScreen = performance.now();
          if (onScreen !== undefined && saved()) {
            observer.disconnect();
            resolve();
          }
        });
        observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
        plus.click();
      });
      shown.push(onScreen - start);
      durable.push(performance.now() - start);
    }
    return { shown, durable };
  }, taps);
}

function startServer() {
  const child = spawn('node', ['tests/e2e/static-server.mjs', 'dist', String(PORT)], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve) => child.stdout.once('data', () => resolve(child)));
}

async function stopServer(child) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill();
  await exited;
}

/** Lighthouse 12.8.2 scores of the first screen, in its own headless Chromium. */
function lighthouseScores() {
  const result = spawnSync(
    'node_modules/.bin/lighthouse',
    [`${ORIGIN}/`, '--quiet', '--output=json', '--output-path=stdout',
      '--only-categories=performance,accessibility,best-practices',
      '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage'],
    { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' }, maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.status !== 0) return `not measured (lighthouse exited ${result.status})`;
  const report = JSON.parse(result.stdout.toString());
  const scores = Object.values(report.categories).map((c) => `${c.title} ${Math.round(c.score * 100)}`).join(', ');
  // What the first screen is judged by on Lighthouse's slow-4G, 4x-CPU profile.
  const timings = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift']
    .map((id) => `${report.audits[id].title} ${report.audits[id].displayValue}`)
    .join(', ');
  return `${scores}; ${timings}`;
}

let server = await startServer();

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--enable-precise-memory-info',
    // gc() before reading the heap, so the figure is what the app keeps, not garbage in waiting.
    '--js-flags=--expose-gc'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.addInitScript((device) => {
    localStorage.setItem('field-ledger.v1.device', device);
    addEventListener('TrunkApplicationStarted', (event) => { window.__wasm = event.detail.wasm; });
    new MutationObserver((_, observer) => {
      if (document.querySelector('[data-testid=event-row], .empty-list')) {
        window.__interactiveAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  }, JSON.stringify(DEVICE));
  await page.goto(`${ORIGIN}/#/`);
  await page.waitForFunction(() => window.__interactiveAt !== undefined);

  const { raw, gzip } = shellSize('dist');
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log('Field Ledger benchmark (headless Chromium, this machine)');
  console.log(`  app shell (html + js + wasm + css): ${kb(raw)} raw, ${kb(gzip)} gzip   [target ≤ 250 KB gzip]`);

  await page.evaluate(() => navigator.serviceWorker.ready);
  for (const [count, reloads, target] of [[0, 10, ''], [1000, 10, '[target ≤ 300 ms]'], [10000, 5, '[target ≤ 1 s]']]) {
    await storeEvents(page, count);
    const times = [];
    for (let i = 0; i <= reloads; i++) {
      await page.reload();
      await page.waitForFunction(() => window.__interactiveAt !== undefined);
      if (i > 0) times.push(await page.evaluate(() => window.__interactiveAt)); // first: warm caches
    }
    // The same with the server stopped: everything comes from the service worker's cache.
    await stopServer(server);
    const offline = [];
    for (let i = 0; i < reloads; i++) {
      await page.reload();
      await page.waitForFunction(() => window.__interactiveAt !== undefined);
      offline.push(await page.evaluate(() => window.__interactiveAt));
    }
    server = await startServer();
    const rows = await page.locator('[data-testid=event-row]').count();
    console.log(
      `  reload to event list, ${String(count).padStart(6)} events: online median ${percentile(times, 50).toFixed(0)} ms ` +
        `(p95 ${percentile(times, 95).toFixed(0)}), offline median ${percentile(offline, 50).toFixed(0)} ms ` +
        `(p95 ${percentile(offline, 95).toFixed(0)}) over ${reloads} reloads, ${rows} rows drawn ${target}`,
    );
  }
  await storeRoster(page, 100000);
  const withRoster = [];
  for (let i = 0; i <= 3; i++) {
    await page.reload();
    await page.waitForFunction(() => window.__interactiveAt !== undefined);
    if (i > 0) withRoster.push(await page.evaluate(() => window.__interactiveAt));
  }
  console.log(
    `  reload to event list, 10,000 events + 100,000 roster entries: median ${percentile(withRoster, 50).toFixed(0)} ms, ` +
      `p95 ${percentile(withRoster, 95).toFixed(0)} ms over 3 reloads`,
  );

  // Statistics over everything stored: from the tap on the tab to the totals on screen (an
  // upper bound of the computation, which is a pure function of the loaded records).
  const statsTimes = [];
  for (let i = 0; i < 5; i++) {
    // In the office app, which has the statistics screen (the tablet app links there).
    await page.goto(`${ORIGIN}/office/#/`);
    await page.getByTestId('event-row').first().waitFor();
    const elapsed = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const start = performance.now();
          const observer = new MutationObserver(() => {
            const total = document.querySelector('[data-testid=stat-events] [data-key-figure]');
            if (total && total.textContent === '10000') {
              observer.disconnect();
              resolve(performance.now() - start);
            }
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
          document.querySelector('[data-testid=nav-stats]').click();
        }),
    );
    statsTimes.push(elapsed);
  }
  console.log(
    `  statistics page over 10,000 events + 100,000 roster entries (tap → totals on screen): ` +
      `median ${percentile(statsTimes, 50).toFixed(0)} ms, p95 ${percentile(statsTimes, 95).toFixed(0)} ms [target ≤ 50 ms to compute]`,
  );

  await benchExports(page, ORIGIN, '');
  // What part of that is IndexedDB handing over the sign-ins (1,000 pages of 100).
  const getAllTimes = [];
  for (let i = 0; i < 3; i++) {
    getAllTimes.push(
      await page.evaluate(
        () =>
          new Promise((resolve, reject) => {
            const open = indexedDB.open('field-ledger');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const start = performance.now();
              const request = open.result.transaction('roster_pages').objectStore('roster_pages').getAll();
              request.onsuccess = () => {
                open.result.close();
                resolve(performance.now() - start);
              };
            };
          }),
      ),
    );
  }
  console.log(`    of which IndexedDB getAll of the 100,000 sign-ins (1,000 pages) alone: median ${percentile(getAllTimes, 50).toFixed(0)} ms`);
  // The district's Word summary over everything stored, with 20 selected photos (each a 1920×1440
  // JPEG of about 0.5 MB, stored as a tablet stores it): tap → file handed to the browser.
  await page.evaluate(
    ([stamp]) =>
      new Promise((resolve, reject) => {
        const canvas = document.createElement('canvas');
        canvas.width = 1920;
        canvas.height = 1440;
        const context = canvas.getContext('2d');
        for (let i = 0; i < 4000; i++) {
          context.fillStyle = `hsl(${(i * 37) % 360} 70% ${30 + (i % 40)}%)`;
          context.fillRect((i * 97) % 1920, (i * 53) % 1440, 40 + (i % 60), 30 + (i % 50));
        }
        canvas.toBlob((jpeg) => {
          const open = indexedDB.open('field-ledger');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const transaction = open.result.transaction(['photos', 'photo_blobs'], 'readwrite');
            for (let i = 0; i < 20; i++) {
              const eventId = `00000000-0000-4000-8000-${(i * 500).toString(16).padStart(12, '0')}`;
              const id = `20000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
              const record = {
                id, event_id: eventId, file_name: `IMG_${i}.jpg`, media_type: 'image/jpeg', width: 1920, height: 1440,
                bytes: jpeg.size, caption: `\u6d3b\u52a8\u73b0\u573a ${i}`, selected: true,
                created_at: stamp, updated_at: stamp, revision: 1, deleted: false, schema_version: 1,
              };
              transaction.objectStore('photos').put(JSON.stringify(record), `${eventId}/${id}`);
              transaction.objectStore('photo_blobs').put(jpeg, id);
            }
            transaction.oncomplete = () => { open.result.close(); resolve(); };
            transaction.onerror = () => reject(transaction.error);
          };
        }, 'image/jpeg', 0.92);
      }),
    [STAMP],
  );
  await page.getByTestId('summary-doc-scope').selectOption('district');
  {
    const { times, bytes } = await timeDownloads(page, 'export-summary-doc');
    console.log(
      `  export the district's Word summary of 10,000 events + 100,000 roster entries with 20 photos (tap → file handed to the browser): ` +
        `median ${percentile(times, 50).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms over 3 runs, ${(bytes / 1048576).toFixed(1)} MB`,
    );
  }

  // 2,000 sign-ins at one event (it had 100), then one more at a time.
  await storeRoster(page, 1900, 1);
  await benchSignIn(page, ORIGIN, uuid('00000000', 1));

  await page.goto(`${ORIGIN}/#/events/00000000-0000-4000-8000-000000000000/counter`);
  await page.getByTestId('counter-plus').waitFor();
  const taps = await timeTaps(page, 60);
  console.log(
    `  head-counter tap → on screen: p50 ${percentile(taps.shown, 50).toFixed(1)} ms, p95 ${percentile(taps.shown, 95).toFixed(1)} ms; ` +
      `→ durable (strict IndexedDB transaction complete): p50 ${percentile(taps.durable, 50).toFixed(1)} ms, ` +
      `p95 ${percentile(taps.durable, 95).toFixed(1)} ms over 60 taps [target p95 ≤ 16 ms]`,
  );
  // The same exports with the sign-ins spread thinner: 10 at each of the 10,000 events, so
  // 10,000 pages of 10 rather than 1,000 pages of 100.
  await putRaw(page, 'roster_pages', [], { clear: true });
  await putRaw(page, 'roster_live', [], { clear: true });
  await storeRoster(page, 100000, undefined, 10000);
  await benchExports(page, ORIGIN, ', sign-ins 10 per event at all 10,000 events');
  // A new tab, so the heap holds what the app holds (not the benchmark's seeding data).
  const fresh = await context.newPage();
  await fresh.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (event) => { window.__wasm = event.detail.wasm; });
  });
  await fresh.goto(`${ORIGIN}/#/`);
  await fresh.getByTestId('event-row').first().waitFor();
  await page.close();
  const heap = await fresh.evaluate(() => {
    window.gc?.();
    return performance.memory?.usedJSHeapSize ?? 0;
  });
  const wasmMemory = await fresh.evaluate(() => window.__wasm?.memory?.buffer?.byteLength ?? 0);
  console.log(`  memory with 10,000 events and 100,000 roster entries stored (after gc): JS heap ${(heap / 1048576).toFixed(1)} MB` +
    (wasmMemory ? `, wasm memory ${(wasmMemory / 1048576).toFixed(1)} MB` : ''));
  await fresh.close();
  await benchMerge(context, ORIGIN);
  await benchUpgrade(browser, ORIGIN, DEVICE);
  await benchFirstLoad(browser, ORIGIN, JSON.stringify(DEVICE));
  await benchOfficeScreens(browser, ORIGIN, JSON.stringify(DEVICE), {
    stop: () => stopServer(server),
    start: async () => {
      server = await startServer();
    },
  });
  await benchSync(browser);
  console.log(`  Lighthouse 12.8.2 (first screen): ${lighthouseScores()}`);
} finally {
  await browser.close();
  server.kill();
}
