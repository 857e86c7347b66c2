// Shared test set-up: every test fails on a page error, a console error or a CSP violation, and
// gets helpers to open the app at a fixed China time and to save screenshots.
import { test as base, expect, chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

/** Where every screenshot goes (named in the README). */
export const SCREENSHOT_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../target/screenshots');
mkdirSync(SCREENSHOT_DIR, { recursive: true });

/** The two tablet orientations the app is built for. */
export const TABLET_VIEWPORTS = [
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
];

export const test = base.extend({
  page: async ({ page }, use) => {
    const problems = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    // Init scripts run outside the page's CSP, so this listener sees every violation.
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI}`);
      });
    });
    await use(page);
    const violations = await page.evaluate(() => window.__cspViolations ?? []).catch(() => []);
    const expected = page.expectedConsoleErrors ?? [];
    const unexpected = problems.filter((problem) => !expected.some((pattern) => pattern.test(problem)));
    expect([...unexpected, ...violations], 'no errors and no CSP violations').toEqual([]);
  },
});

export { expect };

/** Declares console errors a test causes on purpose (e.g. a refused connection while offline). */
export function allowConsoleErrors(page, ...patterns) {
  page.expectedConsoleErrors = [...(page.expectedConsoleErrors ?? []), ...patterns];
}

/**
 * Opens the campaign overview with the clock fixed at `isoInstant` and waits for it to mount.
 * A release build that never mounts (wrong wasm-opt, CSP blocking the loader) fails here.
 */
export async function openApp(page, isoInstant = '2021-10-05T10:00:00+08:00') {
  await page.clock.setFixedTime(new Date(isoInstant));
  await page.goto('/#/overview');
  await expect(page.getByTestId('overview-page')).toBeVisible();
}

/** Saves what the tablet shows first as target/screenshots/<name>.png, and the whole page as
 * <name>-full.png. */
export async function screenshot(page, name) {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-full.png`), fullPage: true });
}

/** True when Chinese text renders as real glyphs: distinct characters draw distinct shapes
 * (with no CJK font both draw the same "tofu" box). */
export async function chineseGlyphsRender(page) {
  return page.evaluate(() => {
    const font = getComputedStyle(document.body).fontFamily;
    const draw = (text) => {
      const canvas = document.createElement('canvas');
      canvas.width = 64;
      canvas.height = 64;
      const context = canvas.getContext('2d');
      context.font = `48px ${font}`;
      context.fillText(text, 4, 52);
      return canvas.toDataURL();
    };
    return draw('计') !== draw('量') && draw('计') !== draw('\u{10FFFD}');
  });
}

/** The device every test tablet is set up as (the shape the app stores in localStorage). */
export const TEST_DEVICE = {
  id: '3d9a4b2c-1e5f-4a6b-9c7d-8e0f1a2b3c4d',
  label: '平板3',
  unit_id: 'metrology-institute',
  office_name: null,
  default_recorder: '王芳',
  created_at: '2021-09-01T00:00:00Z',
  updated_at: '2021-09-01T00:00:00Z',
  schema_version: 1,
};

/** Makes the next load find this tablet already set up. */
export async function seedDevice(page, device = TEST_DEVICE) {
  await page.addInitScript((json) => {
    if (!localStorage.getItem('field-ledger.v1.device')) localStorage.setItem('field-ledger.v1.device', json);
  }, JSON.stringify(device));
}

/** Opens the event list (home) at `isoInstant`, once the stored records are read. */
export async function openHome(page, isoInstant = '2021-09-15T10:00:00+08:00') {
  await page.clock.setFixedTime(new Date(isoInstant));
  await page.goto('/#/');
  await expect(page.getByTestId('home-page')).toBeVisible();
  await expect(page.getByText('正在读取本机数据')).toHaveCount(0);
}

/** Records an event for activity 1 at `place` through the form, and waits for the list. */
export async function recordEvent(page, place = '中山公园广场') {
  await page.getByTestId('new-event').click();
  await page.getByTestId('event-activity').selectOption('qm2021-a01');
  await page.getByTestId('event-place').fill(place);
  await page.getByTestId('save-event').click();
  await expect(page.getByTestId('home-page')).toBeVisible();
  await expect(page.getByTestId('event-row').filter({ hasText: place }).first()).toBeVisible();
}

/** Every stored event record, parsed, read straight from IndexedDB as the app left it. */
export async function storedEvents(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('field-ledger');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const database = open.result;
          if (!database.objectStoreNames.contains('events')) {
            database.close();
            return resolve([]);
          }
          const request = database.transaction('events').objectStore('events').getAll();
          request.onsuccess = () => {
            database.close();
            resolve(request.result.map((json) => JSON.parse(json)));
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/**
 * Opens a browser on the profile folder `profile` (a real, persistent profile, as a tablet's
 * browser is), with the project's launch options; close it and open again to test a restart.
 */
export async function openProfile(testInfo, profile) {
  const { launchOptions, baseURL } = testInfo.project.use;
  const context = await chromium.launchPersistentContext(profile, {
    ...launchOptions,
    baseURL,
    viewport: { width: 1024, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

/** Every stored roster entry as the app left them, with the key of the page holding it
 * (`<event>/<page>`, one line per entry) and the event's stored live count. */
export async function storedRoster(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('field-ledger');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const transaction = open.result.transaction(['roster_pages', 'roster_live']);
          const pages = transaction.objectStore('roster_pages');
          const keys = pages.getAllKeys();
          const values = pages.getAll();
          const liveKeys = transaction.objectStore('roster_live').getAllKeys();
          const live = transaction.objectStore('roster_live').getAll();
          live.onsuccess = () => {
            open.result.close();
            const counts = Object.fromEntries(liveKeys.result.map((key, i) => [key, live.result[i]]));
            resolve(
              keys.result.flatMap((key, i) =>
                values.result[i]
                  .split('\n')
                  .map((line) => ({ key, ...JSON.parse(line), liveCount: counts[key.split('/')[0]] })),
              ),
            );
          };
          live.onerror = () => reject(live.error);
        };
      }),
  );
}

/**
 * Records an event through the form: `activity` (a plan ID or `other` with `title`), `place` or
 * an online `platform`, and optional figures; waits for the list.
 */
export async function newEvent(page, { activity, place, platform, minutes, reports, materials, endDate, title, monitors }) {
  await page.getByTestId('nav-home').click();
  await page.getByTestId('new-event').click();
  await page.getByTestId('event-activity').selectOption(activity);
  if (title) await page.getByTestId('event-other-title').fill(title);
  if (platform) {
    await page.getByTestId('event-online').check();
    await page.getByTestId('event-platform').fill(platform);
  } else {
    await page.getByTestId('event-place').fill(place);
  }
  if (endDate) await page.getByTestId('event-end-date').fill(endDate);
  if (minutes) await page.getByTestId('event-publicity-minutes').fill(String(minutes));
  if (reports) await page.getByTestId('event-publicity-reports').fill(String(reports));
  if (materials) await page.getByTestId('event-materials').fill(String(materials));
  if (monitors) await page.getByTestId('event-extra-bp-monitors-tested').fill(String(monitors));
  await page.getByTestId('save-event').click();
  await expect(page.getByTestId('home-page')).toBeVisible();
}

/**
 * Opens the attendance of the event at `place`, types `count` heads and signs in `names` (each a
 * name, or `{ name, phone }`).
 */
export async function setAttendance(page, place, count, names = []) {
  await page.getByTestId('event-row').filter({ hasText: place }).getByTestId('open-attendance').click();
  await page.getByTestId('head-count-input').fill(String(count));
  await page.getByTestId('set-head-count').click();
  for (const attendee of names) {
    const { name, phone } = typeof attendee === 'string' ? { name: attendee } : attendee;
    await page.getByTestId('roster-name').fill(name);
    if (phone) await page.getByTestId('roster-phone').fill(phone);
    await page.getByTestId('roster-name').press('Enter');
    await expect(page.getByTestId('roster-row').filter({ hasText: name })).toBeVisible();
  }
}

/** The number shown by one of the statistics page's key figures. */
export const keyFigure = (page, testid) => page.getByTestId(testid).locator('[data-key-figure]');

/**
 * A generated photo of `width`×`height` in `type` (`image/jpeg` or `image/png`), drawn on a canvas
 * in the page, as the bytes a camera or gallery would hand over.
 */
export async function makeImage(page, width, height, type) {
  const base64 = await page.evaluate(
    ([width, height, type]) =>
      new Promise((resolve) => {
        const canvas = document.createElement('canvas');
        canvas.width = width;
        canvas.height = height;
        const context = canvas.getContext('2d');
        const gradient = context.createLinearGradient(0, 0, width, height);
        gradient.addColorStop(0, '#0b4f8a');
        gradient.addColorStop(1, '#e6a23c');
        context.fillStyle = gradient;
        context.fillRect(0, 0, width, height);
        context.fillStyle = '#fff';
        context.font = `${Math.round(height / 8)}px sans-serif`;
        context.fillText(`${width}×${height}`, width / 10, height / 2);
        canvas.toBlob(async (blob) => {
          const bytes = new Uint8Array(await blob.arrayBuffer());
          let binary = '';
          for (const byte of bytes) binary += String.fromCharCode(byte);
          resolve(btoa(binary));
        }, type, 0.9);
      }),
    [width, height, type],
  );
  return Buffer.from(base64, 'base64');
}
