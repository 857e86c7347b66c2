// Benchmark of what a unit's tablet loads (README, "Two apps on one origin"):
// - the bytes requested before the event list is usable (the app's `field-ledger-ready` mark) and
//   in all once the service worker has cached both apps, counted as gzip -9 and as the build's
//   brotli copies would travel;
// - each later module: the office app's files;
// - navigation → event list usable on Lighthouse's slow 4G (150 ms, 1.6 Mbit/s down) with the CPU
//   slowed 4× (Chrome DevTools' throttling, applied to a real load rather than simulated);
// - opening each office screen from the tablet app the first time, online with no service worker
//   (files from the server) and offline (files from the worker's cache);
// - a sign-in added to an event that already has 2,000: tap → the new total on screen, which the
//   app shows only once the save is durable.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = join(import.meta.dirname, '../../dist');
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/** The gzip -9 and brotli sizes of the built file an address of `origin` serves. */
function compressedSize(origin, url) {
  if (!url.startsWith(origin)) return { gzip: 0, brotli: 0 };
  let path = new URL(url).pathname;
  if (path.endsWith('/')) path += 'index.html';
  const file = join(DIST, path);
  if (!existsSync(file)) return { gzip: 0, brotli: 0 };
  const bytes = readFileSync(file);
  const gzip = gzipSync(bytes, { level: 9 }).length;
  // Files the build writes no brotli copy of (PNG icons) travel as they are.
  const brotli = existsSync(`${file}.br`) ? readFileSync(`${file}.br`).length : bytes.length;
  return { gzip, brotli };
}

function total(origin, urls) {
  return [...new Set(urls)].reduce(
    (sum, url) => {
      const size = compressedSize(origin, url);
      return { gzip: sum.gzip + size.gzip, brotli: sum.brotli + size.brotli, files: sum.files + 1 };
    },
    { gzip: 0, brotli: 0, files: 0 },
  );
}

/** A fresh profile set up as a unit's tablet. */
async function freshTablet(browser, device, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, timezoneId: 'Asia/Shanghai', ...options });
  await context.addInitScript((device) => {
    if (!localStorage.getItem('field-ledger.v1.device')) localStorage.setItem('field-ledger.v1.device', device);
  }, device);
  return context;
}

const readyMark = () => performance.getEntriesByName('field-ledger-ready')[0]?.startTime;

/** Bytes before the list is usable and in all, the office app's files, the throttled load. */
export async function benchFirstLoad(browser, origin, device) {
  const context = await freshTablet(browser, device);
  const requests = [];
  context.on('request', (request) => requests.push(request.url()));
  // The requests seen when the page says its list is usable.
  let noteReady;
  const ready = new Promise((resolve) => {
    noteReady = () => resolve([...requests]);
  });
  const page = await context.newPage();
  await page.exposeFunction('__benchReady', () => noteReady());
  await page.addInitScript(() => addEventListener('field-ledger-ready', () => window.__benchReady(), { once: true }));
  await page.goto(`${origin}/#/`);
  const beforeReady = await ready;
  await page.evaluate(() => navigator.serviceWorker.ready);
  const first = total(origin, beforeReady);
  const all = total(origin, requests);
  console.log(
    `  a unit's tablet, fresh profile: before the event list is usable ${first.files} files, ${kb(first.gzip)} gzip / ` +
      `${kb(first.brotli)} brotli [target ≤ 250 KB gzip]; in all once the worker has cached both apps ` +
      `${all.files} files, ${kb(all.gzip)} gzip / ${kb(all.brotli)} brotli`,
  );
  const office = requests.filter((url) => url.includes('/office/'));
  const officeFiles = [...new Set(office)].map((url) => `${new URL(url).pathname.split('/').pop() || 'index.html'} ${kb(compressedSize(origin, url).gzip)}`);
  console.log(`    later module, the office app (fetched by the worker afterwards): ${officeFiles.join(', ')}`);
  await context.close();

  // Slow 4G and a 4× slower CPU, on a fresh profile (nothing cached).
  const times = [];
  for (let run = 0; run < 3; run++) {
    const slow = await freshTablet(browser, device);
    const slowPage = await slow.newPage();
    const cdp = await slow.newCDPSession(slowPage);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await slowPage.goto(`${origin}/#/`, { timeout: 120_000 });
    await slowPage.waitForFunction(() => window.fieldLedgerReady === true, null, { timeout: 120_000 });
    times.push(await slowPage.evaluate(readyMark));
    await slow.close();
  }
  console.log(
    `  navigation → event list usable, slow 4G (150 ms, 1.6 Mbit/s) + 4× CPU, fresh profile: median ` +
      `${percentile(times, 50).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms over 3 loads [target ≤ 3 s]`,
  );
}

/** The office screens, as the tablet app's header and pages reach them. */
const OFFICE_SCREENS = [
  ['statistics', 'nav-stats', 'stats-page'],
  ['export', 'nav-export', 'export-page'],
  ['import', 'nav-import', 'import-page'],
  ['campaigns', 'nav-campaigns', 'campaigns-page'],
];

/** Tap in the tablet app → each office screen on screen, each in a fresh profile (its first
 * time): online with no worker, or offline with `server` (`{ stop, start }`) stopped. */
async function openOfficeScreens(browser, origin, device, server) {
  const times = [];
  for (const [name, nav, shows] of OFFICE_SCREENS) {
    const context = await freshTablet(browser, device, server ? {} : { serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${origin}/#/`);
    await page.waitForFunction(() => window.fieldLedgerReady === true);
    if (server) {
      await page.evaluate(() => navigator.serviceWorker.ready);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      await server.stop();
    }
    const start = Date.now();
    await page.getByTestId(nav).click();
    await page.getByTestId(shows).waitFor();
    times.push(`${name} ${Date.now() - start} ms`);
    if (server) await server.start();
    await context.close();
  }
  return times;
}

/** Office screens the first time, online and offline (`server`: `{ stop, start }`). */
export async function benchOfficeScreens(browser, origin, device, server) {
  const online = await openOfficeScreens(browser, origin, device, null);
  console.log(`  tablet app → office screen, first time online (no worker; files from the server): ${online.join(', ')}`);
  const offline = await openOfficeScreens(browser, origin, device, server);
  console.log(`  tablet app → office screen, first time offline (the worker's cache): ${offline.join(', ')}`);
}

/** A sign-in added to an event that already has 2,000: tap → durable (its read-write
 * transaction over the roster completed) and tap → the new total on screen. */
export async function benchSignIn(page, origin, eventId, taps = 40) {
  await page.addInitScript(() => {
    const transaction = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (stores, mode, options) {
      const opened = transaction.call(this, stores, mode, options);
      const names = typeof stores === 'string' ? [stores] : [...stores];
      if (mode === 'readwrite' && names.includes('roster_pages')) {
        opened.addEventListener('complete', () => { window.__rosterDurableAt = performance.now(); });
      }
      return opened;
    };
  });
  await page.goto(`${origin}/#/events/${eventId}/attendance`);
  // A new document, so the init script is in it and the stored sign-ins are read afresh.
  await page.reload();
  await page.getByTestId('roster-add').waitFor();
  await page.getByTestId('roster-row').first().waitFor();
  const { durable, shown, rows } = await page.evaluate(async (taps) => {
    const input = document.querySelector('[data-testid=roster-name]');
    const add = document.querySelector('[data-testid=roster-add]');
    const totalNow = () => document.querySelector('[data-testid=attendance-total]').textContent;
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const durable = [];
    const shown = [];
    for (let tap = 0; tap < taps; tap++) {
      setValue.call(input, `签到居民${tap}`);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const before = totalNow();
      window.__rosterDurableAt = undefined;
      const start = performance.now();
      await new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (totalNow() !== before) {
            observer.disconnect();
            resolve();
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        add.click();
      });
      shown.push(performance.now() - start);
      durable.push(window.__rosterDurableAt - start);
    }
    return { durable, shown, rows: document.querySelectorAll('[data-testid=roster-row]').length };
  }, taps);
  console.log(
    `  sign-in added to an event with 2,000 (${rows} rows listed at the end): tap → durable p50 ` +
      `${percentile(durable, 50).toFixed(1)} ms, p95 ${percentile(durable, 95).toFixed(1)} ms [target p95 ≤ 16 ms]; ` +
      `→ new total on screen p50 ${percentile(shown, 50).toFixed(1)} ms, p95 ${percentile(shown, 95).toFixed(1)} ms over ${taps} taps`,
  );
}
