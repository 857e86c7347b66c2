// The offline-first shell: the app opens and records with the server really stopped (also under a
// sub-path), a deployed build is offered and taken only on request, the app is installable.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, seedDevice, recordEvent, openProfile, allowConsoleErrors } from './app-fixture.mjs';
import { startServer, stopServer } from './server-process.mjs';

const ROOT = join(import.meta.dirname, '../..');

/** Opens `url`, waits for the list and for the service worker to control the page. */
async function openControlled(page, url) {
  await page.clock.setFixedTime(new Date('2021-09-15T10:00:00+08:00'));
  await page.goto(url);
  await expect(page.getByTestId('home-page')).toBeVisible();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

async function offlineRoundTrip(page, dir, port, prefix) {
  let server = await startServer(dir, port, prefix);
  try {
    await seedDevice(page);
    const url = `http://127.0.0.1:${port}${prefix}/#/`;
    await openControlled(page, url);
    await recordEvent(page, '断网前的活动');

    await stopServer(server);
    // The server check fails while it is down: that refused request is the point. (The browser's
    // own favicon fetch, which no service worker answers, may be cut off as the server stops.)
    allowConsoleErrors(page, /ERR_CONNECTION_REFUSED|ERR_EMPTY_RESPONSE|ERR_SOCKET_NOT_CONNECTED/);
    await page.reload();
    await expect(page.getByTestId('home-page')).toBeVisible();
    await expect(page.getByTestId('server-reachable')).toHaveAttribute('data-reachable', 'false');
    await recordEvent(page, '断网时登记的活动');
    await expect(page.getByTestId('event-row')).toHaveCount(2);

    server = await startServer(dir, port, prefix);
    await page.reload();
    await expect(page.getByTestId('event-row')).toHaveCount(2);
    await expect(page.getByTestId('event-row').filter({ hasText: '断网时登记的活动' })).toBeVisible();
    await expect(page.getByTestId('server-reachable')).toHaveAttribute('data-reachable', 'true');
  } finally {
    await stopServer(server);
  }
}

test('with the server stopped the app reloads, records and saves; everything is there afterwards', async ({ page }) => {
  await offlineRoundTrip(page, join(ROOT, 'dist'), 4181, '');
});

test('the same works for a build served under a sub-path', async ({ page }) => {
  await offlineRoundTrip(page, join(ROOT, 'target/dist-subpath'), 4182, '/field-ledger');
});

test('a newly deployed build is offered, taken only on request, and no record is lost', async ({ page }) => {
  const site = mkdtempSync(join(tmpdir(), 'field-ledger-site-'));
  cpSync(join(ROOT, 'dist'), site, { recursive: true });
  const server = await startServer(site, 4183);
  try {
    await seedDevice(page);
    await openControlled(page, 'http://127.0.0.1:4183/#/');
    await recordEvent(page, '更新前的活动');
    await page.getByTestId('nav-device').click();
    const before = await page.getByTestId('app-version').textContent();

    // Deploy a changed build: new stamp in the page, new worker (new cache name).
    const edit = (file, change) => writeFileSync(join(site, file), change(readFileSync(join(site, file), 'utf8')));
    edit('index.html', (html) => html.replace(/content="[^"]*\+[^"]*"/, 'content="9.9.9+update1"'));
    edit('sw.js', (js) => js.replace(/const CACHE = "([^"]+)"/, 'const CACHE = "$1-update1"'));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());

    await expect(page.getByTestId('update-available')).toBeVisible();
    await expect(page.getByTestId('app-version')).toHaveText(before); // nothing reloaded by itself
    await Promise.all([page.waitForEvent('load'), page.getByTestId('update-reload').click()]);
    await expect(page.getByTestId('app-version')).toHaveText('9.9.9+update1');
    await page.getByTestId('nav-home').click();
    await expect(page.getByTestId('event-row')).toContainText('更新前的活动');
  } finally {
    await stopServer(server);
    rmSync(site, { recursive: true, force: true });
  }
});

test('the app is installable (no installability errors in a real profile)', async ({}, testInfo) => {
  const profile = mkdtempSync(join(tmpdir(), 'field-ledger-profile-'));
  try {
    const { context, page } = await openProfile(testInfo, profile);
    await seedDevice(page);
    await openControlled(page, '/#/');
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    const manifest = await (await page.request.get('/manifest.webmanifest')).json();
    expect(manifest).toMatchObject({ name: '活动台账 · Field Ledger', display: 'standalone' });
    await context.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test('the device page shows storage used and left, persistence, what is stored and the version', async ({ page }) => {
  await seedDevice(page);
  await openControlled(page, '/#/');
  await recordEvent(page, '人民公园');
  await page.getByTestId('nav-device').click();
  await expect(page.getByTestId('storage-used')).toHaveText(/^已用 \d+\.\d (MB|GB)，剩余 \d+\.\d (MB|GB)$/);
  await expect(page.getByTestId('storage-persisted')).toHaveAttribute('data-persisted', /true|false/);
  await expect(page.getByTestId('stored-counts')).toHaveText('本机有 1 条活动记录、0 条签到');
  await expect(page.getByTestId('app-version')).toHaveText(/^0\.1\.0\+[0-9a-f]{7}|0\.1\.0\+local$/);
  await expect(page.getByTestId('storage-warning')).toHaveCount(0);
  await expect(page.getByTestId('server-reachable')).toHaveAttribute('data-reachable', 'true');
});
