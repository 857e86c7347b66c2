// The two apps on one origin (README, "Two apps"): a unit's tablet loads the tablet app alone
// until its event list is usable; the office app's screens open from it by ordinary links, also
// with the server stopped once the service worker has cached them; an office app that cannot load
// says so, offers a reload and the way back, and the tablet app keeps working.
import { join } from 'node:path';
import { test, expect, seedDevice, recordEvent, allowConsoleErrors, screenshot } from './app-fixture.mjs';
import { startServer, stopServer } from './server-process.mjs';

const ROOT = join(import.meta.dirname, '../..');

/** The office app's screens, how each is reached from the one before, and what each shows. */
const OFFICE_SCREENS = [
  { open: (page) => page.getByTestId('nav-stats').click(), shows: 'stats-page' },
  { open: (page) => page.getByTestId('nav-export').click(), shows: 'export-page' },
  { open: (page) => page.getByTestId('nav-import').click(), shows: 'import-page' },
  { open: (page) => page.getByTestId('received-files-link').click(), shows: 'received-page' },
  { open: (page) => page.getByTestId('nav-campaigns').click(), shows: 'campaigns-page' },
  { open: (page) => page.getByTestId('campaign-edit').first().click(), shows: 'plan-editor-page' },
];

test('a fresh tablet requests no office code before its event list is usable; recording needs none', async ({ page }) => {
  const requests = [];
  const note = (request) => requests.push({ url: request.url(), worker: Boolean(request.serviceWorker()) });
  page.context().on('request', note);
  // The moment the app says its list is usable, the requests seen so far are kept.
  let beforeReady = null;
  await page.exposeFunction('__noteReady', () => {
    beforeReady = requests.map((request) => request.url);
  });
  await page.addInitScript(() => addEventListener('field-ledger-ready', () => window.__noteReady(), { once: true }));
  await seedDevice(page);
  await page.clock.setFixedTime(new Date('2021-09-15T10:00:00+08:00'));
  await page.goto('/#/');
  await expect(page.getByTestId('home-page')).toBeVisible();
  await expect.poll(() => beforeReady).not.toBeNull();

  expect(beforeReady.some((url) => url.endsWith('.wasm')), 'the tablet app was loaded').toBe(true);
  expect(beforeReady.filter((url) => url.includes('/office/')), 'no office file before the list is usable').toEqual([]);
  expect(await page.evaluate(() => window.fieldLedgerReady), 'the page says so').toBe(true);

  await recordEvent(page, '中山公园广场');
  // The page itself never asks for the office app; only the service worker caches it, afterwards.
  const fromPage = requests.filter((request) => !request.worker && request.url.includes('/office/'));
  expect(fromPage.map((request) => request.url)).toEqual([]);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => requests.some((request) => request.worker && request.url.includes('/office/'))).toBe(true);
});

for (const { name, dir, port, prefix } of [
  { name: 'at the root', dir: 'dist', port: 4185, prefix: '' },
  { name: 'under a sub-path', dir: 'target/dist-subpath', port: 4186, prefix: '/field-ledger' },
]) {
  test(`with the server stopped, every office screen opens from the tablet app (${name})`, async ({ page }) => {
    let server = await startServer(join(ROOT, dir), port, prefix);
    try {
      await seedDevice(page);
      await page.clock.setFixedTime(new Date('2021-09-15T10:00:00+08:00'));
      await page.goto(`http://127.0.0.1:${port}${prefix}/#/`);
      await expect(page.getByTestId('home-page')).toBeVisible();
      await page.evaluate(() => navigator.serviceWorker.ready);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      await recordEvent(page, '断网前的活动');

      await stopServer(server);
      // Refused server checks; the browser's own favicon fetch may be cut off as the server stops.
      allowConsoleErrors(page, /ERR_CONNECTION_REFUSED|ERR_EMPTY_RESPONSE|ERR_SOCKET_NOT_CONNECTED/);
      for (const screen of OFFICE_SCREENS) {
        await screen.open(page);
        await expect(page.getByTestId(screen.shows)).toBeVisible();
        expect(new URL(page.url()).pathname).toBe(`${prefix}/office/`);
      }
      // The office app reads the same storage: the tablet's event is in its statistics.
      await page.getByTestId('nav-stats').click();
      await expect(page.getByTestId('stats-page')).toBeVisible();
      await page.getByTestId('nav-home').click();
      await expect(page.getByTestId('event-row').filter({ hasText: '断网前的活动' })).toBeVisible();
      // An office address opened in the tablet app (a bookmark) lands on the office screen.
      await page.goto(`http://127.0.0.1:${port}${prefix}/#/export`);
      await expect(page.getByTestId('export-page')).toBeVisible();
      expect(new URL(page.url()).pathname).toBe(`${prefix}/office/`);
    } finally {
      await stopServer(server);
    }
  });
}

test.describe('without a service worker', () => {
  test.use({ serviceWorkers: 'block' });

  test('an office app that cannot load says so and offers a reload; the tablet app keeps working', async ({ page }) => {
    // The office app's wasm never arrives: the first screen's load-failed message is the point.
    allowConsoleErrors(page, /ERR_FAILED|Failed to load resource|failed to fetch|WebAssembly/i);
    await page.route('**/office/*.wasm', (route) => route.abort('failed'));
    await seedDevice(page);
    await page.clock.setFixedTime(new Date('2021-09-15T10:00:00+08:00'));
    await page.goto('/#/');
    await expect(page.getByTestId('home-page')).toBeVisible();
    await recordEvent(page, '中山公园广场');

    await page.getByTestId('nav-export').click();
    const message = page.getByTestId('boot-error');
    await expect(message).toBeVisible();
    await expect(message).toHaveAttribute('data-reason', 'load-failed');
    await expect(page.getByTestId('boot-reload')).toBeVisible();
    await screenshot(page, 'office-app-load-failed');

    // Back to the tablet app: its screens work, the event is there, a new one is recorded.
    await page.getByTestId('boot-back').click();
    await expect(page.getByTestId('home-page')).toBeVisible();
    await expect(page.getByTestId('event-row').filter({ hasText: '中山公园广场' })).toBeVisible();
    await recordEvent(page, '办公页面打不开时登记的活动');

    // The network is back: the reload opens the office screen.
    await page.getByTestId('nav-export').click();
    await expect(page.getByTestId('boot-reload')).toBeVisible();
    await page.unroute('**/office/*.wasm');
    await page.getByTestId('boot-reload').click();
    await expect(page.getByTestId('export-page')).toBeVisible();
  });
});
