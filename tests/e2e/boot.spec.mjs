// The first screen and the boot check (index.html #boot, public/boot-check.js): the app's name
// paints before the wasm, the app takes over without a layout shift, and a browser or network
// that cannot start the app gets a message naming the problem, in Chinese and English, with
// nothing stored touched. Timers run on page.clock; held downloads are released by the test.
import { test, expect, screenshot, seedDevice, openHome, recordEvent, allowConsoleErrors, TABLET_VIEWPORTS } from './app-fixture.mjs';
import { pageProblems } from './quality-gates.mjs';

// The service worker would answer from its cache, out of page.route's reach.
test.use({ serviceWorkers: 'block' });

const WASM = '**/*.wasm';

/** Holds every wasm request until `release()` is called. */
async function holdWasm(page) {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route(WASM, async (route) => {
    await released;
    await route.continue();
  });
  return () => release();
}

/** Sums the layout shifts the page has seen since it started (PerformanceObserver). */
async function watchLayoutShifts(page) {
  await page.addInitScript(() => {
    window.__layoutShift = 0;
    window.__layoutShifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        window.__layoutShift += entry.value;
        const moved = (entry.sources ?? []).map((source) => source.node?.outerHTML?.slice(0, 80) ?? 'a removed node');
        window.__layoutShifts.push(`${entry.value.toFixed(4)}: ${moved.join(' | ')}`);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** Every localStorage entry and every IndexedDB record, as the page sees them now. */
async function everythingStored(page) {
  return page.evaluate(async () => {
    const local = Object.fromEntries(Object.keys(localStorage).sort().map((key) => [key, localStorage.getItem(key)]));
    const databases = (await indexedDB.databases()).map((info) => info.name).sort();
    const records = {};
    for (const name of databases) {
      const database = await new Promise((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of database.objectStoreNames) {
        records[`${name}/${store}`] = await new Promise((resolve, reject) => {
          const request = database.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(JSON.stringify(request.result));
          request.onerror = () => reject(request.error);
        });
      }
      database.close();
    }
    return { local, databases, records };
  });
}

/** The gates and a screenshot of what the boot shows now, in both orientations. */
async function checkAndShoot(page, name) {
  for (const viewport of TABLET_VIEWPORTS) {
    await page.setViewportSize(viewport);
    await screenshot(page, `${name}-${viewport.width}x${viewport.height}`);
    expect(await pageProblems(page), `${name} at ${viewport.width}x${viewport.height}`).toEqual([]);
  }
  await page.setViewportSize(TABLET_VIEWPORTS[0]);
}

test('the first screen paints before the wasm and the app replaces it with no layout shift', async ({ page }) => {
  await seedDevice(page);
  await watchLayoutShifts(page);
  await page.clock.install({ time: new Date('2021-09-15T10:00:00+08:00') });
  await page.clock.pauseAt(new Date('2021-09-15T10:00:01+08:00'));
  const release = await holdWasm(page);
  await page.goto('/#/');

  const first = page.getByTestId('boot-screen');
  await expect(first).toBeVisible();
  await expect(first).toContainText('活动台账');
  await expect(first).toContainText('Field Ledger');
  await expect(first).toContainText('正在加载…');
  await expect(first).toContainText('Loading…');

  // Three seconds of a slow download: still the first screen, no message.
  await page.clock.runFor(3000);
  await expect(first).toBeVisible();
  await expect(page.getByTestId('boot-error')).toHaveCount(0);

  await page.clock.resume();
  release();
  await expect(page.getByTestId('home-page')).toBeVisible();
  await expect(page.getByTestId('boot-screen')).toHaveCount(0);
  await expect(page.locator('#boot')).toHaveCount(0);
  // The records read and two frames drawn: every shift of the take-over has been reported.
  await expect(page.getByText('正在读取本机数据')).toHaveCount(0);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const shifts = await page.evaluate(() => window.__layoutShifts);
  expect(await page.evaluate(() => window.__layoutShift), `cumulative layout shift: ${shifts.join('; ')}`).toBe(0);
});

test('the first screen passes the quality gates in both orientations', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/#/');
  await expect(page.getByTestId('boot-screen')).toBeVisible();
  await checkAndShoot(page, 'boot-screen-zh-CN');
  await expect(page.getByTestId('boot-screen')).toBeVisible();
  release();
});

test('the first screen’s bar shows how much of the wasm has arrived', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/#/');
  await expect(page.getByTestId('boot-screen')).toBeVisible();
  // What trunk's loader reports for each chunk (boot-initializer.js passes it on).
  await page.evaluate(() => window.fieldLedgerBoot.progress({ current: 250, total: 1000 }));
  const share = () =>
    page.evaluate(() => {
      const bar = document.querySelector('.boot-progress');
      return Math.round((bar.firstElementChild.getBoundingClientRect().width / bar.getBoundingClientRect().width) * 100);
    });
  await expect.poll(share).toBe(25);
  await page.evaluate(() => window.fieldLedgerBoot.progress({ current: 1000, total: 1000 }));
  await expect.poll(share).toBe(100);
  release();
  await expect(page.getByTestId('device-page')).toBeVisible();
  await expect(page.getByTestId('boot-screen')).toHaveCount(0);
});

test('the first screen has the app header’s height, so the bar stays put when the app takes over', async ({ page }) => {
  await seedDevice(page);
  for (const viewport of TABLET_VIEWPORTS) {
    await page.setViewportSize(viewport);
    const release = await holdWasm(page);
    // A new query string each time: a full load, not a same-document hash change.
    await page.goto(`/?width=${viewport.width}#/`);
    const bootBar = await page.locator('.boot-header').boundingBox();
    release();
    await expect(page.getByTestId('home-page')).toBeVisible();
    const appBar = await page.locator('header.app-header').boundingBox();
    expect(bootBar, `${viewport.width}x${viewport.height}`).toEqual(appBar);
    await page.unroute(WASM);
  }
});

test('a wasm download that fails says so in both languages and touches nothing stored', async ({ page }) => {
  await seedDevice(page);
  await openHome(page);
  await recordEvent(page, '下载失败前的活动');
  const before = await everythingStored(page);

  allowConsoleErrors(page, /ERR_FAILED|Failed to fetch|Failed to load resource/);
  await page.route(WASM, (route) => route.abort());
  await page.reload();
  const message = page.getByTestId('boot-error');
  await expect(message).toHaveAttribute('data-reason', 'load-failed');
  await expect(message).toContainText('活动台账未能下载完整');
  await expect(message).toContainText('请在网络恢复后重新加载本页');
  await expect(message).toContainText('Field Ledger could not be downloaded completely');
  await expect(message).toContainText('ask IT to let .wasm files');
  await expect(page.getByTestId('boot-screen')).toHaveCount(0);
  await checkAndShoot(page, 'boot-error-load-failed');
  expect(await everythingStored(page)).toEqual(before);

  // Reload once the network is back: the app starts and the record is there.
  await page.unroute(WASM);
  await page.getByTestId('boot-reload').click();
  await expect(page.getByTestId('event-row').filter({ hasText: '下载失败前的活动' })).toBeVisible();
});

test('a blocked JS file of the app (a proxy answering 403) also says load-failed', async ({ page }) => {
  allowConsoleErrors(page, /403|Failed to load|failed to fetch|module script/i);
  await page.route(/field-ledger-[0-9a-f]+\.js$/, (route) => route.fulfill({ status: 403, body: 'blocked by proxy' }));
  await page.goto('/#/');
  await expect(page.getByTestId('boot-error')).toHaveAttribute('data-reason', 'load-failed');
});

test('a wasm file replaced by a proxy’s page (200, text/html) says load-failed', async ({ page }) => {
  allowConsoleErrors(page, /integrity|Failed to load|CompileError|WebAssembly/i);
  await page.route(WASM, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<html><body>请登录上网认证</body></html>' }),
  );
  await page.goto('/#/');
  await expect(page.getByTestId('boot-error')).toHaveAttribute('data-reason', 'load-failed');
});

test('a wasm that downloads but fails as it starts says so, naming the error', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/#/');
  await expect(page.getByTestId('boot-screen')).toBeVisible();
  // What trunk's loader hands the initializer's onFailure when the start traps (a panic before
  // the app mounted).
  await page.evaluate(() => window.fieldLedgerBoot.failed(new WebAssembly.RuntimeError('unreachable'), true));
  const message = page.getByTestId('boot-error');
  await expect(message).toHaveAttribute('data-reason', 'start-failed');
  await expect(message).toContainText('活动台账启动时出错');
  await expect(message).toContainText('RuntimeError: unreachable');
  await expect(message).toContainText('Field Ledger failed to start');
  await checkAndShoot(page, 'boot-error-start-failed');
  release();
});

test('a stray error before the app mounts is no failure by itself', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/#/');
  await page.evaluate(() => window.fieldLedgerBoot.failed(new Error('something else'), false));
  await expect(page.getByTestId('boot-screen')).toBeVisible();
  await expect(page.getByTestId('boot-error')).toHaveCount(0);
  release();
});

test('a browser without WebAssembly is told it is too old, and which browsers work', async ({ page }) => {
  allowConsoleErrors(page, /cannot start in this browser|WebAssembly/);
  await page.addInitScript(() => {
    delete globalThis.WebAssembly;
  });
  await page.goto('/#/');
  const message = page.getByTestId('boot-error');
  await expect(message).toHaveAttribute('data-reason', 'old-browser');
  await expect(message).toHaveAttribute('data-missing', 'webassembly');
  await expect(message).toContainText('此浏览器无法运行活动台账');
  await expect(message).toContainText('Safari');
  await expect(message).toContainText('This browser cannot run Field Ledger');
  await checkAndShoot(page, 'boot-error-old-browser');
});

test('a browser without IndexedDB is told so by name, and the app does not start half-working', async ({ page }) => {
  allowConsoleErrors(page, /cannot start in this browser/);
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { value: undefined });
  });
  await page.goto('/#/');
  const message = page.getByTestId('boot-error');
  await expect(message).toHaveAttribute('data-reason', 'old-browser');
  await expect(message).toHaveAttribute('data-missing', 'indexeddb');
  await expect(message).toContainText('缺少：IndexedDB');
  // The initializer refused to start the app: the message stays.
  await page.waitForFunction(() => document.readyState === 'complete');
  await expect(page.locator('header.app-header:not(.boot-header)')).toHaveCount(0);
  await expect(message).toBeVisible();
});

test('a download that makes no progress times out with a message, and an app that starts after all replaces it', async ({ page }) => {
  await seedDevice(page);
  await page.clock.install({ time: new Date('2021-09-15T10:00:00+08:00') });
  await page.clock.pauseAt(new Date('2021-09-15T10:00:01+08:00'));
  const release = await holdWasm(page);
  await page.goto('/#/');
  await expect(page.getByTestId('boot-screen')).toBeVisible();

  await page.clock.runFor(19000);
  await expect(page.getByTestId('boot-error')).toHaveCount(0);
  await page.clock.runFor(2000);
  const message = page.getByTestId('boot-error');
  await expect(message).toHaveAttribute('data-reason', 'timeout');
  await expect(message).toContainText('活动台账未能启动');
  await expect(message).toContainText('Field Ledger did not start');
  await page.clock.resume();
  await checkAndShoot(page, 'boot-error-timeout');

  release();
  await expect(page.getByTestId('home-page')).toBeVisible();
  await expect(page.getByTestId('boot-error')).toHaveCount(0);
});
