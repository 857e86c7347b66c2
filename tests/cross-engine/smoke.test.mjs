// Cross-engine tier: the release build (dist/) in WebKit (Storage API on and off) and Firefox ESR,
// through WebDriver. One walk per engine, as a grid worker's first day: the app mounts, the device
// is set up, an event is recorded and is there after a reload, the head counter goes +5 and keeps
// it over a reload, the language switches, the statistics add up, a JSON and a CSV export arrive,
// and the app starts with the server stopped (service worker). After every step the page's own
// record of errors (page-errors.js) must be empty. Run: node --test tests/cross-engine/
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { By, until } from 'selenium-webdriver';
import { ENGINES, freePort, openBrowser, startGroup, waitForHttp } from './engines.mjs';

const ROOT = join(import.meta.dirname, '../..');
const HERE = import.meta.dirname;
const WAIT_MS = 30000;
const only = process.env.CROSS_ENGINE?.split(',');

/**
 * The test site: dist/ with the harness script injected first into index.html and added to the
 * service worker's precache (so it is there offline too), plus the harness self-check page.
 */
function prepareSite() {
  const site = mkdtempSync(join(tmpdir(), 'field-ledger-cross-engine-'));
  cpSync(join(ROOT, 'dist'), site, { recursive: true });
  for (const file of ['page-errors.js', 'harness-check.html', 'harness-throws.js']) {
    cpSync(join(HERE, file), join(site, file));
  }
  // Both apps' pages (the office app's is one folder down) get the harness.
  for (const [page, harness] of [['index.html', 'page-errors.js'], ['office/index.html', '../page-errors.js']]) {
    const indexPath = join(site, page);
    const html = readFileSync(indexPath, 'utf8');
    const withHarness = html.replace(/(<meta charset="utf-8"\s*\/?>)/i, `$1<script src="${harness}"></script>`);
    assert.notEqual(withHarness, html, `${page} has a <meta charset> to put the harness after`);
    writeFileSync(indexPath, withHarness);
  }
  const workerPath = join(site, 'sw.js');
  const worker = readFileSync(workerPath, 'utf8');
  const precached = worker.replace('const PRECACHE = [', 'const PRECACHE = ["page-errors.js",');
  assert.notEqual(precached, worker, 'sw.js has a precache list');
  writeFileSync(workerPath, precached);
  return site;
}

async function startSite(site, port) {
  const server = startGroup('node', [join(ROOT, 'tests/e2e/static-server.mjs'), site, String(port)]);
  await waitForHttp(`http://127.0.0.1:${port}/index.html`, server, 'the static server');
  return server;
}

const testId = (id) => By.css(`[data-testid="${id}"]`);

/**
 * Waits until `condition` answers truthy. A WebDriver error while the page is between documents
 * (WebKit answers "Could not parse element info" mid-navigation) counts as "not yet".
 */
async function waitFor(driver, condition, message) {
  let lastError;
  const answer = await driver
    .wait(
      async () => {
        try {
          return await condition();
        } catch (error) {
          if (error.name === 'NoSuchSessionError') throw error;
          lastError = error;
          return false;
        }
      },
      WAIT_MS,
      message,
    )
    .catch((error) => {
      throw lastError ? new Error(`${error.message} (last error: ${lastError.message})`) : error;
    });
  return answer;
}

/** Helpers bound to one WebDriver session. */
function pageOf(driver) {
  const page = {
    async visible(id) {
      return waitFor(
        driver,
        async () => {
          const [element] = await driver.findElements(testId(id));
          return element && (await element.isDisplayed()) ? element : false;
        },
        `[data-testid=${id}] is visible`,
      );
    },
    async gone(id) {
      await waitFor(driver, async () => (await driver.findElements(testId(id))).length === 0, `[data-testid=${id}] is gone`);
    },
    async click(id) {
      await (await page.visible(id)).click();
    },
    async fill(id, text) {
      const input = await page.visible(id);
      await input.clear();
      await input.sendKeys(text);
    },
    async select(id, value) {
      const select = await page.visible(id);
      await select.findElement(By.css(`option[value="${value}"]`)).click();
      assert.equal(await select.getAttribute('value'), value, `${id} is ${value}`);
    },
    async text(id) {
      return (await page.visible(id)).getText();
    },
    async textBecomes(id, expected) {
      await waitFor(driver, async () => (await page.text(id)).includes(expected), `[data-testid=${id}] shows "${expected}"`);
    },
    async rowWith(text) {
      return waitFor(
        driver,
        async () => {
          for (const row of await driver.findElements(testId('event-row'))) {
            if ((await row.getText()).includes(text)) return row;
          }
          return false;
        },
        `an event row with "${text}"`,
      );
    },
    async reload() {
      // Not while the service worker is still installing (precaching the app): WebKitGTK's web
      // process crashed now and then when reloaded in that window (twice in six full runs).
      await driver.executeAsyncScript(`
        const done = arguments[arguments.length - 1];
        if (!('serviceWorker' in navigator)) done(); else navigator.serviceWorker.ready.then(() => done());
      `);
      // WebDriver's Refresh bypasses the service worker in Firefox: reload as a user does.
      await driver.executeScript('document.documentElement.dataset.reloading = "yes"; location.reload();');
      await waitFor(
        driver,
        async () =>
          (await driver.executeScript('return document.documentElement.dataset.reloading === undefined && document.readyState === "complete"')) === true,
        'the page reloaded',
      );
    },
    async session(key, fallback) {
      const value = await driver.executeScript(`return sessionStorage.getItem(${JSON.stringify(key)})`);
      return value === null ? fallback : JSON.parse(value);
    },
    async noProblems(step) {
      assert.deepEqual(await page.session('test.page-errors', []), [], `no page errors after: ${step}`);
    },
  };
  return page;
}

test('the harness sees a page that throws (so the checks below can fail)', { skip: !existsSync(join(ROOT, 'dist/index.html')) }, async () => {
  const site = prepareSite();
  const port = await freePort();
  const server = await startSite(site, port);
  const engine = ENGINES.find((candidate) => candidate.name === (only?.[0] ?? 'firefox-esr')) ?? ENGINES[0];
  let browser;
  try {
    browser = await openBrowser(engine, { downloads: site });
    await browser.driver.get(`http://127.0.0.1:${port}/harness-check.html`);
    const problems = await pageOf(browser.driver).session('test.page-errors', []);
    assert.equal(problems.length, 1, `one problem recorded: ${JSON.stringify(problems)}`);
    assert.match(problems[0], /the harness must see this/);
  } finally {
    await browser?.close();
    await server.stop();
    rmSync(site, { recursive: true, force: true });
  }
});

for (const engine of ENGINES.filter((candidate) => !only || only.includes(candidate.name))) {
  describe(engine.name, { concurrency: false }, () => {
    let site;
    let downloads;
    let port;
    let server;
    let browser;
    let page;
    let base;

    before(async () => {
      site = prepareSite();
      downloads = mkdtempSync(join(tmpdir(), 'field-ledger-downloads-'));
      port = await freePort();
      base = `http://127.0.0.1:${port}`;
      server = await startSite(site, port);
      browser = await openBrowser(engine, { downloads });
      page = pageOf(browser.driver);
    });

    after(async () => {
      await browser?.close();
      await server?.stop();
      rmSync(site, { recursive: true, force: true });
      rmSync(downloads, { recursive: true, force: true });
    });

    test('mounts: the first screen gives way to the device set-up', async () => {
      await browser.driver.get(`${base}/#/`);
      await page.visible('device-page');
      await page.gone('boot-screen');
      assert.equal(await browser.driver.executeScript('return document.documentElement.lang'), 'zh-CN');
      await page.noProblems('mount');
    });

    test('device set-up', async () => {
      await page.fill('device-label', '平板3');
      await page.select('device-unit', 'metrology-institute');
      await page.fill('device-recorder', '王芳');
      await page.click('device-save');
      await page.visible('home-page');
      await page.noProblems('device set-up');
    });

    test('persistence is only read at start; the first saved event asks for it', async () => {
      for (let start = 0; start < 2; start++) {
        await page.reload();
        await page.visible('home-page');
      }
      assert.equal(await page.session('test.persist-calls', 0), 0, 'no persist() call at start');
      // Asked only while not persistent (WebKit may grant it before anyone asks).
      const persistedBefore = await browser.driver.executeAsyncScript(`
        const done = arguments[arguments.length - 1];
        if (!navigator.storage) done(null); else navigator.storage.persisted().then(done);
      `);
      assert.equal(persistedBefore !== null, engine.storageApi, 'the Storage API is there exactly when expected');
      await page.click('new-event');
      await page.select('event-activity', 'qm2021-a01');
      await page.fill('event-place', '中山公园广场');
      await page.click('save-event');
      await page.rowWith('中山公园广场');
      const calls = await page.session('test.persist-calls', 0);
      if (engine.name === 'firefox-esr') {
        // Firefox answers persisted() false until the user allows it: the saved event asks once.
        assert.equal(calls, 1, 'persist() once after the saved event');
      } else {
        // WebKit decides by itself and its persisted() answer varies from start to start; the
        // app asks at most once, after the save, and only if its own start-up read said no.
        assert.ok(calls <= 1, `persist() at most once after the saved event (persisted before: ${persistedBefore}, calls: ${calls})`);
      }
      await page.noProblems('record an event');
    });

    test('the event is there after a reload', async () => {
      await page.reload();
      await page.visible('home-page');
      await page.rowWith('中山公园广场');
      await page.noProblems('reload');
    });

    test('head counter +5, kept over a reload', async () => {
      const row = await page.rowWith('中山公园广场');
      await row.findElement(testId('open-attendance')).click();
      await page.click('open-counter');
      await page.visible('counter-page');
      for (let tap = 1; tap <= 5; tap++) {
        await page.click('counter-plus');
        await page.textBecomes('head-count', String(tap));
      }
      await page.reload();
      await page.visible('counter-page');
      await page.textBecomes('head-count', '5');
      await page.click('close-counter');
      await page.visible('attendance-page');
      await page.noProblems('head counter');
    });

    test('the device page shows whether storage is persistent', async () => {
      await page.click('nav-device');
      await page.visible('device-page');
      const lines = await browser.driver.findElements(testId('storage-persisted'));
      assert.equal(lines.length, engine.storageApi ? 1 : 0, 'a persistence line exactly where the Storage API is');
      await page.noProblems('device page');
    });

    test('language switch', async () => {
      await page.click('language-switch');
      await browser.driver.wait(
        async () => (await browser.driver.executeScript('return document.documentElement.lang')) === 'en',
        WAIT_MS,
        'the interface is English',
      );
      await page.textBecomes('nav-stats', 'Statistics');
      await page.click('language-switch');
      await page.textBecomes('nav-stats', '统计');
      await page.noProblems('language switch');
    });

    test('statistics add up the event and its 5 attendees (in the office app)', async () => {
      await page.click('nav-stats');
      await page.visible('stats-page');
      const path = new URL(await browser.driver.getCurrentUrl()).pathname;
      assert.equal(path, '/office/', 'statistics are an office screen, opened from the tablet app by a link');
      await page.textBecomes('stat-events', '1');
      await page.textBecomes('stat-attendance', '5');
      await page.noProblems('statistics');
    });

    test('a JSON and a CSV export arrive', async () => {
      await page.click('nav-export');
      await page.visible('export-page');
      await page.click('export-json');
      await page.click('export-csv-events');
      const arrived = async () => {
        if (engine.downloadsToFolder) {
          const names = readdirSync(downloads).filter((name) => !name.endsWith('.part'));
          return names.map((name) => ({ name, text: readFileSync(join(downloads, name), 'utf8') }));
        }
        return page.session('test.downloads', []);
      };
      let files = [];
      await browser.driver.wait(
        async () => {
          files = await arrived();
          return files.some((f) => f.name.endsWith('.json')) && files.some((f) => f.name.endsWith('_events.csv'));
        },
        WAIT_MS,
        'both files arrived',
      );
      const report = JSON.parse(files.find((f) => f.name.endsWith('.json')).text);
      assert.equal(report.events.length, 1);
      assert.equal(report.events[0].place, '中山公园广场');
      const csv = files.find((f) => f.name.endsWith('_events.csv')).text.replace(/^\uFEFF/, '');
      const lines = csv.trim().split('\r\n');
      assert.equal(lines.length, 2, 'a header and one event');
      assert.match(lines[1], /中山公园广场/);
      await page.noProblems('exports');
    });

    test('starts with the server stopped (service worker)', async () => {
      await browser.driver.executeAsyncScript(`
        const done = arguments[arguments.length - 1];
        navigator.serviceWorker.ready.then(() => {
          if (navigator.serviceWorker.controller) return done(true);
          navigator.serviceWorker.addEventListener('controllerchange', () => done(true));
        });
      `);
      await server.stop();
      await page.reload();
      await page.visible('export-page');
      await page.click('nav-home');
      await page.rowWith('中山公园广场');
      await page.noProblems('offline start');
    });
  });
}
