// Events on the tablet: device set-up, recording, validation, drafts, edit, delete and undo,
// durability across reloads and browser restarts, storage failures, newer data refused.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  test,
  expect,
  openProfile,
  seedDevice,
  openHome,
  recordEvent,
  storedEvents,
  screenshot,
} from './app-fixture.mjs';

test('set up the device, record activity 1, and find it after a reload and a browser restart', async ({}, testInfo) => {
  const profile = mkdtempSync(join(tmpdir(), 'field-ledger-profile-'));
  try {
    let { context, page } = await openProfile(testInfo, profile);
    await page.clock.setFixedTime(new Date('2021-09-15T10:00:00+08:00'));
    await page.goto('/');

    // First use: the device set-up comes first.
    await expect(page.getByTestId('device-page')).toBeVisible();
    await screenshot(page, 'device-setup-zh-CN-1024x768');
    await page.getByTestId('device-label').fill('平板3');
    await page.getByTestId('device-unit').selectOption('metrology-institute');
    await page.getByTestId('device-recorder').fill('王芳');
    await page.getByTestId('device-save').click();
    await expect(page.getByTestId('home-page')).toBeVisible();
    await expect(page.getByText('还没有活动记录')).toBeVisible();

    await page.getByTestId('new-event').click();
    await expect(page.getByTestId('event-date')).toHaveValue('2021-09-15');
    await expect(page.getByTestId('event-recorder')).toHaveValue('王芳');
    await page.getByTestId('event-activity').selectOption('qm2021-a01');
    await expect(page.getByTestId('event-unit')).toHaveValue('metrology-institute');
    await expect(page.getByTestId('event-direction')).toHaveValue('enterprises-people');
    await page.getByTestId('event-place').fill('中山公园广场');
    await page.getByTestId('event-start-time').fill('09:00');
    await page.getByTestId('event-end-time').fill('11:30');
    await page.getByTestId('event-materials').fill('200');
    await page.getByTestId('event-extra-bp-monitors-tested').fill('86');
    await screenshot(page, 'event-form-zh-CN-1024x768');
    await page.getByTestId('save-event').click();

    const row = page.getByTestId('event-row');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('计量便民服务日');
    await expect(row).toContainText('2021年9月15日 09:00–11:30');
    await expect(row).toContainText('中山公园广场');
    await expect(row).toContainText('0 人次');
    await screenshot(page, 'home-zh-CN-1024x768');
    const saved = await row.textContent();

    await page.reload();
    await expect(page.getByTestId('event-row')).toHaveText(saved);

    await context.close();
    ({ context, page } = await openProfile(testInfo, profile));
    await page.clock.setFixedTime(new Date('2021-09-16T08:00:00+08:00'));
    await page.goto('/');
    await expect(page.getByTestId('event-row')).toHaveText(saved);
    const [record] = await storedEvents(page);
    expect(record).toMatchObject({
      activity: { kind: 'planned', activity_id: 'qm2021-a01' },
      device_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      place: '中山公园广场',
      start_time: '09:00:00',
      materials_handed_out: 200,
      extra_counts: { 'bp-monitors-tested': 86 },
      revision: 1,
      schema_version: 1,
    });
    await context.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test('bad input is named beside each field and nothing is stored; a half-filled form survives a reload', async ({ page }) => {
  await seedDevice(page);
  await openHome(page);
  await page.getByTestId('new-event').click();
  await page.getByTestId('event-activity').selectOption('qm2021-a01');
  await page.getByTestId('event-start-time').fill('15:00');
  await page.getByTestId('event-end-time').fill('09:00');
  await page.getByTestId('event-materials').fill('-5');
  await page.getByTestId('save-event').click();

  const errors = page.getByTestId('field-error');
  await expect(errors).toHaveCount(3);
  await expect(page.locator('[data-testid=field-error][data-field=end-time]')).toHaveText('结束时间不能早于开始');
  await expect(page.locator('[data-testid=field-error][data-field=place]')).toHaveText('请填写活动地点');
  await expect(page.locator('[data-testid=field-error][data-field=materials]')).toHaveText('发放资料（份）须为 0 或正整数');
  await expect(page.getByTestId('event-end-time')).toBeFocused();
  await screenshot(page, 'event-form-errors-zh-CN-1024x768');
  expect(await storedEvents(page)).toEqual([]);

  // Half-filled, then the tab reloads: everything typed is still there.
  await page.getByTestId('event-place').fill('人民公园');
  await page.reload();
  await expect(page.getByTestId('event-place')).toHaveValue('人民公园');
  await expect(page.getByTestId('event-materials')).toHaveValue('-5');
  await expect(page.getByTestId('event-activity')).toHaveValue('qm2021-a01');

  // From the list, the draft is offered back.
  await page.getByTestId('nav-home').click();
  await expect(page.getByTestId('draft-banner')).toBeVisible();
  await page.getByTestId('continue-draft').click();
  await expect(page.getByTestId('event-place')).toHaveValue('人民公园');
  expect(await storedEvents(page)).toEqual([]);
});

test('edit, delete and undo each raise the revision; undo brings the event back', async ({ page }) => {
  await seedDevice(page);
  await openHome(page);
  await recordEvent(page, '中山公园广场');

  await page.getByTestId('edit-event').click();
  await expect(page.getByTestId('event-place')).toHaveValue('中山公园广场');
  await page.getByTestId('event-place').fill('人民公园');
  await page.getByTestId('save-event').click();
  await expect(page.getByTestId('event-row')).toContainText('人民公园');
  expect((await storedEvents(page))[0].revision).toBe(2);

  await page.getByTestId('delete-event').click();
  await expect(page.getByTestId('event-row')).toHaveCount(0);
  await expect(page.getByTestId('toast')).toContainText('活动记录已删除');
  let [stored] = await storedEvents(page);
  expect([stored.deleted, stored.revision]).toEqual([true, 3]);

  await page.getByTestId('undo').click();
  await expect(page.getByTestId('event-row')).toHaveCount(1);
  await expect(page.getByTestId('event-row')).toContainText('人民公园');
  [stored] = await storedEvents(page);
  expect([stored.deleted, stored.revision]).toEqual([false, 4]);
});

test('filters narrow the list by activity, unit and place', async ({ page }) => {
  await seedDevice(page);
  await openHome(page);
  await recordEvent(page, '中山公园广场');
  await recordEvent(page, '望海楼社区');
  await page.getByTestId('new-event').click();
  await page.getByTestId('event-activity').selectOption('qm2021-a16');
  await page.getByTestId('event-place').fill('建昌道社区');
  await page.getByTestId('save-event').click();
  await expect(page.getByTestId('event-row')).toHaveCount(3);

  await page.getByTestId('filter-place').fill('社区');
  await expect(page.getByTestId('event-row')).toHaveCount(2);
  await page.getByTestId('filter-activity').selectOption('qm2021-a16');
  await expect(page.getByTestId('event-row')).toHaveCount(1);
  await expect(page.getByTestId('event-row')).toContainText('建昌道社区');
  await page.getByTestId('filter-activity').selectOption('');
  await page.getByTestId('filter-place').fill('');
  await page.getByTestId('filter-unit').selectOption('drugs-cosmetics');
  await expect(page.getByTestId('event-row')).toHaveCount(1);
});

test('recent places are one tap away', async ({ page }) => {
  await seedDevice(page);
  await openHome(page);
  await recordEvent(page, '中山公园广场');
  await page.getByTestId('new-event').click();
  await page.getByTestId('event-activity').selectOption('qm2021-a02');
  await page.getByTestId('recent-place').filter({ hasText: '中山公园广场' }).click();
  await expect(page.getByTestId('event-place')).toHaveValue('中山公园广场');
});

test('a full storage quota is shown naming the event, and the form keeps what was typed', async ({ page }) => {
  await seedDevice(page);
  await openHome(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(page.url()).origin, quotaSize: 1 });
  await page.getByTestId('new-event').click();
  await page.getByTestId('event-activity').selectOption('qm2021-a01');
  await page.getByTestId('event-place').fill('中山公园广场');
  await page.getByTestId('save-event').click();
  const notice = page.getByTestId('save-error');
  await expect(notice).toContainText('「计量便民服务日」未保存。');
  await expect(notice).toContainText('浏览器存储空间已满');
  await expect(page.getByTestId('event-place')).toHaveValue('中山公园广场');
  await expect(page.getByTestId('save-event')).toBeEnabled();
  expect(await storedEvents(page)).toEqual([]);
  // The draft is still there for when space is freed.
  await page.reload();
  await expect(page.getByTestId('event-place')).toHaveValue('中山公园广场');
});

test('when a later save does not fit, earlier records stay intact and on screen', async ({ page }) => {
  // Chromium enforces a CDP quota override only on a database's first growth (seen 2026-11-24:
  // 3,000 further writes passed a 200 KB override), so the quota error of a later write is made
  // by IndexedDB's own put throwing QuotaExceededError, as a full disk makes it do.
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      if (window.__storageFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await seedDevice(page);
  await openHome(page);
  await recordEvent(page, '人民公园');
  const [earlier] = await storedEvents(page);

  await page.evaluate(() => { window.__storageFull = true; });
  await page.getByTestId('new-event').click();
  await page.getByTestId('event-activity').selectOption('qm2021-a02');
  await page.getByTestId('event-place').fill('企业园区');
  await page.getByTestId('save-event').click();
  await expect(page.getByTestId('save-error')).toContainText('「计量服务中小企业行」未保存。浏览器存储空间已满');
  await expect(page.getByTestId('event-place')).toHaveValue('企业园区');

  await page.evaluate(() => { window.__storageFull = false; });
  expect(await storedEvents(page)).toEqual([earlier]);
  await page.getByTestId('nav-home').click();
  await expect(page.getByTestId('event-row')).toHaveCount(1);
  await expect(page.getByTestId('event-row')).toContainText('人民公园');
});

test('data written by a newer version is refused with a message and left untouched', async ({ page }) => {
  await seedDevice(page);
  await page.goto('/#/overview');
  // A newer app upgraded the database to version 6 and stored a record there.
  await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('field-ledger', 6);
        open.onupgradeneeded = () => {
          const database = open.result;
          const events = database.objectStoreNames.contains('events')
            ? open.transaction.objectStore('events')
            : database.createObjectStore('events');
          events.put('{"schema_version":9}', 'x');
        };
        open.onsuccess = () => { open.result.close(); resolve(); };
        open.onerror = () => reject(open.error);
      }),
  );
  await page.goto('/#/');
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: '更新版本' })).toContainText('此版本无法打开');
  const version = await page.evaluate(
    () => new Promise((resolve) => {
      const open = indexedDB.open('field-ledger');
      open.onsuccess = () => { resolve(open.result.version); open.result.close(); };
    }),
  );
  expect(version).toBe(6);
});
