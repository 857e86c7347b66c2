// Live sync against a real PouchDB Server at the app's own origin (couch/, through the test
// server's proxy): a Food Section tablet turns sync on, records while the server cannot be
// reached, and its records go up when it can; a second Food Section tablet gets them; the password
// is never stored in clear; a tablet of another unit that edits a Food Section record (brought by
// a file) is refused by the server, and the record stays on it, shown by name with the reason.
import { test, expect, seedDevice, openHome, newEvent, screenshot, setAttendance, makeImage, TEST_DEVICE } from './app-fixture.mjs';
import { asAccount, couch, loseAnswer, proxyDown, proxyUp } from './sync-fixture.mjs';

const FOOD_A = { ...TEST_DEVICE, id: 'aaaaaaaa-0000-4000-8000-00000000000a', label: '食品科平板A', unit_id: 'food' };
const FOOD_B = { ...TEST_DEVICE, id: 'bbbbbbbb-0000-4000-8000-00000000000b', label: '食品科平板B', unit_id: 'food' };
const METROLOGY = { ...TEST_DEVICE, id: 'cccccccc-0000-4000-8000-00000000000c', label: '计量所平板', unit_id: 'metrology-institute' };

/** Turns sync on from the device page with `account`. */
async function turnSyncOn(page, account) {
  const { name, password } = couch().accounts[account];
  await page.getByTestId('nav-device').click();
  await expect(page.getByTestId('sync-server')).toHaveValue('couch/');
  await page.getByTestId('sync-user').fill(name);
  await page.getByTestId('sync-password').fill(password);
  await page.getByTestId('sync-enabled').check();
  await page.getByTestId('sync-save').click();
  await expect(page.getByText('同步设置已保存。')).toBeVisible();
}

/** A tablet (a browser context at 1024×768 in Chinese, China time) set up as `device`, with sync
 * turned on under `account`. */
async function syncedTablet(browser, device, account) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await seedDevice(page, device);
  await openHome(page);
  await turnSyncOn(page, account);
  return { context, page };
}

/** The Food Section database's event documents, from the server itself. */
async function serverEvents() {
  const { status, body } = await asAccount('admin').get('/fl-unit-food/_all_docs?include_docs=true&conflicts=true&startkey="event:"&endkey="event:\ufff0"');
  expect(status).toBe(200);
  return body.rows.map((row) => row.doc);
}

test('records made offline go up when the server is back, and reach the unit’s other tablet', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const options = { viewport: { width: 1024, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };

  const contextA = await browser.newContext(options);
  const a = await contextA.newPage();
  await seedDevice(a, FOOD_A);
  await openHome(a);
  await turnSyncOn(a, 'food-tablet');
  const status = a.getByTestId('sync-status');
  await expect(status).toHaveAttribute('data-state', 'idle');
  await expect(a.getByTestId('sync-pending')).toHaveAttribute('data-count', '0');
  // The password is kept only encrypted: its text appears nowhere in the tablet's storage.
  const stored = await a.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('field-ledger');
    open.onsuccess = () => {
      const request = open.result.transaction('sync_state').objectStore('sync_state').get('secret:password');
      request.onsuccess = () => {
        const value = request.result;
        resolve({ keyType: value.key.type, extractable: value.key.extractable, bytes: value.data.byteLength, local: JSON.stringify(localStorage) });
        open.result.close();
      };
    };
  }));
  expect(stored).toMatchObject({ keyType: 'secret', extractable: false });
  expect(stored.local).not.toContain(couch().accounts['food-tablet'].password);

  // The server cannot be reached: records are made all the same and wait.
  await proxyDown(a);
  await newEvent(a, { activity: 'qm2021-a05', place: '北站餐饮街', minutes: 30, reports: 1 });
  await newEvent(a, { activity: 'qm2021-a07', place: '意式风情街', minutes: 60, reports: 2 });
  await a.getByTestId('nav-device').click();
  await expect(status).toHaveAttribute('data-state', 'offline');
  await expect(a.getByTestId('sync-pending')).toHaveAttribute('data-count', '2');
  await expect(a.getByTestId('sync-error')).toHaveText('无法连接服务器。');
  // The header says it on every page, and the badge counts what has reached neither a file nor
  // the server.
  await expect(a.getByTestId('header-sync')).toHaveAttribute('data-state', 'offline');
  await expect(a.getByTestId('header-sync')).toContainText('未连接');
  await expect(a.getByTestId('header-sync-pending')).toContainText('↑2');
  await expect(a.getByTestId('unexported-count')).toHaveText('2');
  await screenshot(a, 'sync-offline-zh-CN-1024x768');
  // In English on a tablet held upright, the header still holds everything.
  await a.setViewportSize({ width: 768, height: 1024 });
  await a.getByTestId('language-switch').click();
  await expect(a.getByTestId('header-sync')).toContainText('Offline');
  await expect(a.getByTestId('language-switch')).toBeInViewport({ ratio: 1 });
  await screenshot(a, 'sync-offline-en-768x1024');
  await a.getByTestId('language-switch').click();
  await a.setViewportSize({ width: 1024, height: 768 });

  // Back: a tap on "sync now" sends them without waiting for the backoff.
  await proxyUp(a);
  await a.getByTestId('sync-now').click();
  await expect(status).toHaveAttribute('data-state', 'idle');
  await expect(a.getByTestId('sync-pending')).toHaveAttribute('data-count', '0');
  await expect(a.getByTestId('sync-last')).toContainText('上次同步');
  await expect(a.getByTestId('header-sync')).toHaveAttribute('data-state', 'idle');
  await expect(a.getByTestId('header-sync-pending')).toHaveCount(0);
  await expect(a.getByTestId('unexported-count'), 'on the server: no longer counted as not sent').toHaveCount(0);
  // (Other tests of this run write Food Section records too: only this test's are looked at.)
  const mine = (docs) => docs.filter((doc) => ['北站餐饮街', '意式风情街', '食品安全抽检公告栏'].includes(doc.record.place));
  const onServer = mine(await serverEvents());
  expect(onServer.map((doc) => [doc.owner_unit, doc.kind, doc.record.place]).sort()).toEqual([
    ['food', 'event', '北站餐饮街'],
    ['food', 'event', '意式风情街'],
  ]);
  await screenshot(a, 'sync-idle-zh-CN-1024x768');

  // The unit's second tablet turns sync on and gets them.
  const contextB = await browser.newContext(options);
  const b = await contextB.newPage();
  await seedDevice(b, FOOD_B);
  await openHome(b);
  // Controlled by the service worker from here on, as a tablet is after its first visit: live
  // sync's requests (the long-poll above all) must go past it.
  await b.evaluate(() => navigator.serviceWorker.ready);
  await b.reload();
  await expect(b.getByTestId('home-page')).toBeVisible();
  expect(await b.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  await turnSyncOn(b, 'food-tablet');
  await expect(b.getByTestId('sync-status')).toHaveAttribute('data-state', 'idle');
  await b.getByTestId('nav-home').click();
  await expect(b.getByTestId('event-row')).toHaveCount(2);
  await expect(b.getByTestId('event-row').filter({ hasText: '意式风情街' })).toBeVisible();

  // A's session ends (expired, or the cookie cleared): its next save signs in again with the
  // stored password, without asking anyone. B gets the record without a tap (the long-poll).
  await contextA.clearCookies();
  await a.getByTestId('nav-home').click();
  await newEvent(a, { activity: 'qm2021-a06', place: '食品安全抽检公告栏', minutes: 10 });
  await expect(b.getByTestId('event-row')).toHaveCount(3);
  await a.getByTestId('nav-device').click();
  await expect(a.getByTestId('sync-status')).toHaveAttribute('data-state', 'idle');
  await expect(a.getByTestId('sync-pending')).toHaveAttribute('data-count', '0');

  // A Metrology Institute tablet that edits a Food Section record (from a report file) is refused
  // by the server: the record stays on it, waiting, shown by name with the server's reason.
  const before = mine(await serverEvents()).map((doc) => doc._rev).sort();
  expect(before).toHaveLength(3);
  await a.getByTestId('nav-export').click();
  const [file] = await Promise.all([a.waitForEvent('download'), a.getByTestId('export-json').click()]);
  const report = testInfo.outputPath('food-report.json');
  await file.saveAs(report);
  const contextM = await browser.newContext(options);
  const m = await contextM.newPage();
  await seedDevice(m, METROLOGY);
  await openHome(m);
  await m.getByTestId('nav-import').click();
  await m.getByTestId('import-files').setInputFiles(report);
  await m.getByTestId('import-confirm').click();
  await expect(m.getByTestId('import-outcome')).toContainText('已导入');
  await turnSyncOn(m, 'metrology-tablet');
  const refused = m.getByTestId('sync-refused');
  await expect(refused).toHaveCount(3);
  await expect(refused.first()).toContainText('服务器拒收');
  await expect(m.getByTestId('sync-pending')).toHaveAttribute('data-count', '3');
  await screenshot(m, 'sync-refused-zh-CN-1024x768');
  expect(mine(await serverEvents()).map((doc) => doc._rev).sort(), 'nothing written into the Food Section database').toEqual(before);

  await contextA.close();
  await contextB.close();
  await contextM.close();
});

const METRO_1 = { ...TEST_DEVICE, id: 'dddddddd-0000-4000-8000-0000000000d1', label: '计量所平板1', unit_id: 'metrology-institute' };
const METRO_2 = { ...TEST_DEVICE, id: 'dddddddd-0000-4000-8000-0000000000d2', label: '计量所平板2', unit_id: 'metrology-institute' };
const QUALITY = { ...TEST_DEVICE, id: 'dddddddd-0000-4000-8000-0000000000d4', label: '质量科电脑', unit_id: 'quality' };
const PLACE = '计量便民服务点';

test('an edit on one tablet and a delete on another end as the merge rules say, on both and at the Quality Section', async ({ browser }) => {
  test.setTimeout(120_000);
  const options = { viewport: { width: 1024, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };
  const open = async (device, instant) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    await seedDevice(page, device);
    await openHome(page, instant);
    return { context, page };
  };
  const one = await open(METRO_1, '2021-09-15T10:00:00+08:00');
  await turnSyncOn(one.page, 'metrology-tablet');
  await one.page.getByTestId('nav-home').click();
  await newEvent(one.page, { activity: 'qm2021-a01', place: PLACE, minutes: 30, reports: 1 });
  await one.page.getByTestId('nav-device').click();
  await expect(one.page.getByTestId('sync-pending')).toHaveAttribute('data-count', '0');

  const two = await open(METRO_2, '2021-09-15T10:00:00+08:00');
  await turnSyncOn(two.page, 'metrology-tablet');
  await two.page.getByTestId('nav-home').click();
  await expect(two.page.getByTestId('event-row').filter({ hasText: PLACE })).toHaveCount(1);

  // The Quality Section's account follows every unit's database.
  const quality = await open(QUALITY, '2021-09-16T09:00:00+08:00');
  await turnSyncOn(quality.page, 'quality-office');
  await quality.page.getByTestId('nav-home').click();
  await expect(quality.page.getByTestId('event-row').filter({ hasText: PLACE })).toHaveCount(1);

  // Both tablets lose the server; one edits the event at 11:00, the other deletes it at 11:30.
  await proxyDown(one.page);
  await proxyDown(two.page);
  await one.page.clock.setFixedTime(new Date('2021-09-15T11:00:00+08:00'));
  await one.page.getByTestId('nav-home').click();
  await one.page.getByTestId('event-row').filter({ hasText: PLACE }).getByTestId('edit-event').click();
  await one.page.getByTestId('event-place').fill(`${PLACE}（东门）`);
  await one.page.getByTestId('save-event').click();
  await expect(one.page.getByTestId('event-row').filter({ hasText: '东门' })).toHaveCount(1);
  await two.page.clock.setFixedTime(new Date('2021-09-15T11:30:00+08:00'));
  await two.page.getByTestId('event-row').filter({ hasText: PLACE }).getByTestId('delete-event').click();
  await expect(two.page.getByTestId('event-row').filter({ hasText: PLACE })).toHaveCount(0);

  // Back online: both versions are revision 2, so the later change, the deletion, wins everywhere
  // (docs/merge-rules.md); the edit is kept on the server as a conflict document for review.
  for (const tablet of [one, two]) {
    await proxyUp(tablet.page);
    await tablet.page.getByTestId('nav-device').click();
    await tablet.page.getByTestId('sync-now').click();
    await expect(tablet.page.getByTestId('sync-pending')).toHaveAttribute('data-count', '0');
  }
  await one.page.getByTestId('sync-now').click();
  await expect(one.page.getByTestId('sync-status')).toHaveAttribute('data-state', 'idle');
  for (const tablet of [one, two, quality]) {
    await tablet.page.getByTestId('nav-device').click();
    await tablet.page.getByTestId('sync-now').click();
    await tablet.page.getByTestId('nav-home').click();
    await expect(tablet.page.getByTestId('event-row').filter({ hasText: PLACE })).toHaveCount(0);
  }
  const admin = asAccount('admin');
  const { body } = await admin.get('/fl-unit-metrology-institute/_all_docs?include_docs=true&conflicts=true');
  const docs = body.rows.map((row) => row.doc);
  const event = docs.find((doc) => doc.kind === 'event' && doc.record.place.startsWith(PLACE));
  expect(event.record).toMatchObject({ deleted: true, revision: 2 });
  expect(event._conflicts ?? [], 'one linear history on the server').toEqual([]);
  const conflicts = docs.filter((doc) => doc.kind === 'conflict' && doc._id.startsWith(`conflict:${event._id}:`));
  expect(conflicts.map((doc) => doc.record.place)).toEqual([`${PLACE}（东门）`]);
  // The Quality Section reviews it as it reviews a conflict from files: the edit that lost beside
  // the deletion kept.
  await quality.page.getByTestId('nav-import').click();
  await expect(quality.page.getByTestId('conflict')).toHaveCount(1);
  await expect(quality.page.getByTestId('conflict-other')).toContainText('东门');
  await screenshot(quality.page, 'sync-conflict-review-zh-CN-1024x768');
  for (const tablet of [one, two, quality]) await tablet.context.close();
});

test('records made offline on tablets of two units reach the Quality Section once both are online', async ({ browser }) => {
  test.setTimeout(120_000);
  const options = { viewport: { width: 1024, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };
  const open = async (device, account) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    await seedDevice(page, device);
    await openHome(page);
    await turnSyncOn(page, account);
    await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'idle');
    return { context, page };
  };
  const food = await open({ ...TEST_DEVICE, id: 'afafafaf-0000-4000-8000-0000000000b1', label: '食品科平板J', unit_id: 'food' }, 'food-tablet');
  const metrology = await open({ ...TEST_DEVICE, id: 'afafafaf-0000-4000-8000-0000000000b2', label: '计量所平板J', unit_id: 'metrology-institute' }, 'metrology-tablet');
  const made = [[food, 'qm2021-a05', '两单位测试·食品'], [metrology, 'qm2021-a01', '两单位测试·计量']];
  for (const [tablet, activity, place] of made) {
    await proxyDown(tablet.page);
    await tablet.page.getByTestId('nav-home').click();
    await newEvent(tablet.page, { activity, place, minutes: 10 });
    await tablet.page.getByTestId('nav-device').click();
    await expect(tablet.page.getByTestId('sync-pending')).toHaveAttribute('data-count', '1');
  }
  const quality = await open({ ...TEST_DEVICE, id: 'afafafaf-0000-4000-8000-0000000000b4', label: '质量科电脑J', unit_id: 'quality' }, 'quality-office');
  for (const [tablet] of made) {
    await proxyUp(tablet.page);
    await tablet.page.getByTestId('sync-now').click();
    await expect(tablet.page.getByTestId('sync-pending')).toHaveAttribute('data-count', '0');
  }
  await quality.page.getByTestId('sync-now').click();
  await quality.page.getByTestId('nav-home').click();
  for (const [, , place] of made) {
    await expect(quality.page.getByTestId('event-row').filter({ hasText: place })).toHaveCount(1);
  }
  for (const tablet of [food, metrology, quality]) await tablet.context.close();
});

test('a browser closed in the middle of sync loses nothing: the records still wait, and go up after', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const { openProfile } = await import('./app-fixture.mjs');
  const TABLET = { ...TEST_DEVICE, id: 'eeeeeeee-0000-4000-8000-0000000000e1', label: '食品科平板C', unit_id: 'food' };
  const profile = testInfo.outputPath('profile');
  let { context, page } = await openProfile(testInfo, profile);
  await seedDevice(page, TABLET);
  await openHome(page);
  await turnSyncOn(page, 'food-tablet');
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'idle');
  await proxyDown(page);
  await page.getByTestId('nav-home').click();
  for (const place of ['望海楼社区', '建昌道社区', '人民公园']) {
    await newEvent(page, { activity: 'qm2021-a05', place, minutes: 20 });
  }
  await page.getByTestId('nav-device').click();
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '3');
  // Closed while the records wait and a round is failing; opened again (the server back): they
  // go up, each exactly once, and nothing waits any more.
  await context.close();
  ({ context, page } = await openProfile(testInfo, profile));
  await openHome(page);
  await page.getByTestId('nav-device').click();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'idle');
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '0');
  const places = (await serverEvents()).map((doc) => doc.record.place);
  for (const place of ['望海楼社区', '建昌道社区', '人民公园']) {
    expect(places.filter((p) => p === place), place).toHaveLength(1);
  }
  await context.close();
});

test('a server that stops after storing a push but before answering: each record ends on both sides exactly once', async ({ browser }) => {
  test.setTimeout(120_000);
  const TABLET = { ...TEST_DEVICE, id: 'abababab-0000-4000-8000-0000000000a5', label: '食品科平板E', unit_id: 'food' };
  const { context, page } = await syncedTablet(browser, TABLET, 'food-tablet');
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'idle');
  await proxyDown(page);
  await page.getByTestId('nav-home').click();
  const PLACES = ['鼓楼农贸市场', '西站食品街', '南开小吃城'];
  for (const place of PLACES) await newEvent(page, { activity: 'qm2021-a05', place, minutes: 25 });
  await page.getByTestId('nav-device').click();
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '3');

  // The server stores the push and stops before its answer gets out.
  await loseAnswer(page, '_bulk_docs');
  await proxyUp(page);
  await page.getByTestId('sync-now').click();
  const serverCopies = async () => (await serverEvents()).filter((doc) => doc.record.device_id === TABLET.id);
  await expect.poll(async () => (await serverCopies()).length).toBe(3);
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'offline');
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '3');

  // Back: the push is repeated, and the server's copies are recognised as the same versions.
  await proxyUp(page);
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'idle');
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '0');
  const stored = await page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('field-ledger');
    open.onsuccess = () => {
      const request = open.result.transaction('events').objectStore('events').getAll();
      request.onsuccess = () => { resolve(request.result.map((text) => JSON.parse(text))); open.result.close(); };
    };
  }));
  const byId = (records) => Object.fromEntries(records.map((record) => [record.id, record]));
  const onServer = await serverCopies();
  expect(onServer.map((doc) => doc.record.place).sort()).toEqual([...PLACES].sort());
  expect(onServer.every((doc) => (doc._conflicts ?? []).length === 0)).toBe(true);
  // (The tablet also holds what other Food Section tablets of this run sent: only its own are compared.)
  expect(byId(onServer.map((doc) => doc.record))).toEqual(byId(stored.filter((record) => record.device_id === TABLET.id)));
  const { body } = await asAccount('admin').get('/fl-unit-food/_all_docs?startkey="conflict:"&endkey="conflict:\ufff0"');
  const ids = onServer.map((doc) => doc._id);
  expect(body.rows.filter((row) => ids.some((id) => row.id.startsWith(`conflict:${id}`))), 'no conflict made of a repeat').toEqual([]);
  await context.close();
});

test('phone numbers go up only when the device setting allows it', async ({ browser }) => {
  test.setTimeout(120_000);
  const TABLET = { ...TEST_DEVICE, id: 'acacacac-0000-4000-8000-0000000000a6', label: '食品科平板F', unit_id: 'food' };
  const { context, page } = await syncedTablet(browser, TABLET, 'food-tablet');
  await expect(page.getByTestId('sync-include-phones')).not.toBeChecked();
  await page.getByTestId('nav-home').click();
  await newEvent(page, { activity: 'qm2021-a05', place: '电话规则测试点', minutes: 5 });
  await setAttendance(page, '电话规则测试点', 2, [{ name: '赵敏', phone: '13800000001' }]);
  const roster = async () => {
    const { body } = await asAccount('admin').get('/fl-unit-food/_all_docs?include_docs=true&startkey="roster:"&endkey="roster:\ufff0"');
    return Object.fromEntries(body.rows.map((row) => row.doc.record).filter((r) => ['赵敏', '钱进'].includes(r.name)).map((r) => [r.name, r]));
  };
  await expect.poll(async () => (await roster())['赵敏']).toBeTruthy();
  expect((await roster())['赵敏']).toMatchObject({ phone: null, withheld: ['phone'] });
  // The tablet keeps its phone.
  await expect(page.getByTestId('roster-row').filter({ hasText: '赵敏' })).toContainText('138');

  await page.getByTestId('nav-device').click();
  await page.getByTestId('sync-include-phones').check();
  await page.getByTestId('sync-save').click();
  await expect(page.getByText('同步设置已保存。')).toBeVisible();
  await page.getByTestId('nav-home').click();
  await page.getByTestId('event-row').filter({ hasText: '电话规则测试点' }).getByTestId('open-attendance').click();
  await page.getByTestId('roster-name').fill('钱进');
  await page.getByTestId('roster-phone').fill('13800000002');
  await page.getByTestId('roster-name').press('Enter');
  await expect.poll(async () => (await roster())['钱进']?.phone).toBe('13800000002');
  expect((await roster())['钱进'].withheld ?? []).toEqual([]);
  await context.close();
});

test('a plan the Quality Section publishes reaches a tablet without a file', async ({ browser }) => {
  test.setTimeout(120_000);
  const TABLET = { ...TEST_DEVICE, id: 'adadadad-0000-4000-8000-0000000000a7', label: '食品科平板G', unit_id: 'food' };
  const { context, page } = await syncedTablet(browser, TABLET, 'food-tablet');
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'idle');

  // The Quality Section publishes a plan of its own (made from the built-in one, as its plan
  // editor would): its account may write fl-plans, a tablet's may not.
  const office = asAccount('quality-office');
  const published = (await office.get('/fl-plans/plan:quality-month-2021')).body;
  const plan = { ...published.plan, id: 'quality-month-2022', title: { zh: '2022年“质量月”活动方案（同步测试）', en: '2022 Quality Month (sync test)' } };
  const tablet = asAccount('food-tablet');
  expect((await tablet.put('/fl-plans/plan:quality-month-2022', { kind: 'plan', campaign_id: plan.id, plan })).status).toBe(403);
  expect((await office.put('/fl-plans/plan:quality-month-2022', { kind: 'plan', campaign_id: plan.id, plan })).status).toBe(201);

  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-plans-received')).toContainText('2022年“质量月”活动方案（同步测试）');
  await page.getByTestId('nav-campaigns').click();
  await expect(page.getByTestId('campaign-row').filter({ hasText: '同步测试' })).toHaveCount(1);
  // Stored: still there after the app is opened again.
  await page.reload();
  await page.getByTestId('nav-campaigns').click();
  await expect(page.getByTestId('campaign-row').filter({ hasText: '同步测试' })).toHaveCount(1);

  // A second version replaces the first, which this tablet had not changed.
  const first = (await office.get('/fl-plans/plan:quality-month-2022')).body;
  const second = { ...plan, title: { zh: '2022年“质量月”活动方案（同步测试第二版）', en: '2022 Quality Month (sync test, v2)' } };
  expect((await office.put('/fl-plans/plan:quality-month-2022', { ...first, plan: second })).status).toBe(201);
  await page.getByTestId('nav-device').click();
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-plans-received')).toContainText('同步测试第二版');
  await page.getByTestId('nav-campaigns').click();
  await expect(page.getByTestId('campaign-row').filter({ hasText: '同步测试第二版' })).toHaveCount(1);
  await context.close();
});

test('a photo goes up with its image, the stored bytes as they are, as the attachment of image:<photo>', async ({ browser }) => {
  test.setTimeout(120_000);
  const TABLET = { ...TEST_DEVICE, id: 'aeaeaeae-0000-4000-8000-0000000000a8', label: '食品科平板H', unit_id: 'food' };
  const { context, page } = await syncedTablet(browser, TABLET, 'food-tablet');
  await page.getByTestId('nav-home').click();
  await newEvent(page, { activity: 'qm2021-a05', place: '照片同步测试点', minutes: 5 });
  const jpg = await makeImage(page, 1280, 960, 'image/jpeg');
  await page.getByTestId('event-row').filter({ hasText: '照片同步测试点' }).getByTestId('open-photos').click();
  await page.getByTestId('photo-input').setInputFiles([{ name: '宣传现场.jpg', mimeType: 'image/jpeg', buffer: jpg }]);
  await expect(page.getByTestId('photo-row')).toHaveCount(1);
  const stored = await page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('field-ledger');
    open.onsuccess = () => {
      const transaction = open.result.transaction(['photos', 'photo_blobs']);
      const records = transaction.objectStore('photos').getAll();
      records.onsuccess = () => {
        const record = records.result.map((text) => JSON.parse(text))[0];
        const blob = transaction.objectStore('photo_blobs').get(record.id);
        blob.onsuccess = async () => {
          const bytes = Array.from(new Uint8Array(await blob.result.arrayBuffer()));
          resolve({ id: record.id, event: record.event_id, bytes, type: blob.result.type });
          open.result.close();
        };
      };
    };
  }));
  const admin = asAccount('admin');
  await expect.poll(async () => (await admin.get(`/fl-unit-food/image:${stored.id}`)).body._attachments?.image?.length ?? 0).toBe(stored.bytes.length);
  const image = await admin.fetch(`/fl-unit-food/image:${stored.id}/image`);
  expect(image.headers.get('content-type')).toBe(stored.type);
  expect(Buffer.from(await image.arrayBuffer()).equals(Buffer.from(stored.bytes)), 'byte for byte').toBe(true);
  const doc = (await admin.get(`/fl-unit-food/image:${stored.id}`)).body;
  expect(doc).toMatchObject({ kind: 'image', owner_unit: 'food', photo_id: stored.id, event_id: stored.event });
  // The photo record went up too, and nothing waits.
  expect((await admin.get(`/fl-unit-food/photo:${stored.event}:${stored.id}`)).status).toBe(200);
  await page.getByTestId('nav-device').click();
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '0');

  // The unit's other tablet gets the photo record; its image comes when the photo list shows it.
  const otherContext = await browser.newContext({ viewport: { width: 1024, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const other = await otherContext.newPage();
  await seedDevice(other, { ...TABLET, id: 'aeaeaeae-0000-4000-8000-0000000000a9', label: '食品科平板I' });
  await openHome(other);
  await turnSyncOn(other, 'food-tablet');
  await other.getByTestId('nav-home').click();
  const row = other.getByTestId('event-row').filter({ hasText: '照片同步测试点' });
  await expect(row).toHaveCount(1);
  await row.getByTestId('open-photos').click();
  const photoRow = other.getByTestId('photo-row');
  await expect(photoRow).toHaveCount(1);
  await expect(photoRow.locator('img')).toHaveJSProperty('complete', true);
  await expect.poll(() => photoRow.locator('img').evaluate((img) => img.naturalWidth)).toBeGreaterThan(0);
  const fetched = await other.evaluate((id) => new Promise((resolve) => {
    const open = indexedDB.open('field-ledger');
    open.onsuccess = () => {
      const blob = open.result.transaction('photo_blobs').objectStore('photo_blobs').get(id);
      blob.onsuccess = async () => { resolve(Array.from(new Uint8Array(await blob.result.arrayBuffer()))); open.result.close(); };
    };
  }), stored.id);
  expect(Buffer.from(fetched).equals(Buffer.from(stored.bytes)), 'the same image, byte for byte').toBe(true);
  await screenshot(other, 'sync-photo-fetched-zh-CN-1024x768');
  await otherContext.close();
  await context.close();
});

test('a server restored from an older backup gets back what it lost', async ({ browser }) => {
  test.setTimeout(120_000);
  const { runScript } = await import('../sync-server/harness.mjs');
  const PRICE = { ...TEST_DEVICE, id: 'ffffffff-0000-4000-8000-0000000000f1', label: '价监科平板', unit_id: 'price-supervision' };
  const { context, page } = await syncedTablet(browser, PRICE, 'price-tablet');
  await page.getByTestId('nav-home').click();
  for (const place of ['北辰科技园', '空港经济区']) await newEvent(page, { activity: 'qm2021-a18', place, minutes: 45 });
  await page.getByTestId('nav-device').click();
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '0');
  const admin = asAccount('admin');
  const places = async () => {
    const { body } = await admin.get('/fl-unit-price-supervision/_all_docs?include_docs=true');
    return body.rows.map((row) => row.doc).filter((doc) => doc.kind === 'event').map((doc) => doc.record.place).sort();
  };
  // (The count can read 0 a moment before the second save's marker is counted: the server decides.)
  await expect.poll(places).toEqual(['北辰科技园', '空港经济区']);

  // The unit's database is lost and set up again (a restore from a backup older than both
  // records): a new identity, no records. The tablet is cut off meanwhile, so that the server is
  // seen empty before the tablet refills it.
  await proxyDown(page);
  expect((await admin.del('/fl-unit-price-supervision')).status).toBe(200);
  const provisioned = await runScript('provision.sh', [], couch().base);
  expect(provisioned.code, provisioned.stderr).toBe(0);
  expect(await places()).toEqual([]);

  await proxyUp(page);
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'idle');
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '0');
  await expect.poll(places).toEqual(['北辰科技园', '空港经济区']);

  // A backup is taken now; four more records go up after it.
  const backup = (await admin.get('/fl-unit-price-supervision/_all_docs?include_docs=true')).body.rows.map((row) => row.doc);
  await page.getByTestId('nav-home').click();
  const LATER = ['天穆镇', '双街镇', '西堤头镇', '宜兴埠镇'];
  for (const place of LATER) await newEvent(page, { activity: 'qm2021-a18', place, minutes: 30 });
  await expect.poll(async () => (await places()).length).toBe(6);

  // The database is restored from that backup, identity document and all: the identity is the
  // same, but the sequence has gone back. (The tablet is cut off meanwhile, as above.)
  await proxyDown(page);
  expect((await admin.del('/fl-unit-price-supervision')).status).toBe(200);
  const again = await runScript('provision.sh', [], couch().base);
  expect(again.code, again.stderr).toBe(0);
  const fresh = (await admin.get('/fl-unit-price-supervision/server-identity')).body;
  const kept = backup.find((doc) => doc._id === 'server-identity');
  expect((await admin.put('/fl-unit-price-supervision/server-identity', { ...kept, _rev: fresh._rev })).status).toBe(201);
  const records = backup.filter((doc) => doc._id.startsWith('event:'));
  expect((await admin.post('/fl-unit-price-supervision/_bulk_docs', { docs: records, new_edits: false })).status).toBe(201);
  expect(await places()).toEqual(['北辰科技园', '空港经济区']);

  await proxyUp(page);
  await page.getByTestId('nav-device').click();
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'idle');
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '0');
  await expect.poll(places).toEqual(['北辰科技园', '空港经济区', ...LATER].sort());
  await context.close();
});

test('interop: PouchDB’s replicator copies what the app wrote, and the app pulls what PouchDB wrote', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const { startServer, ADMIN } = await import('../sync-server/harness.mjs');
  const { default: PouchDB } = await import('pouchdb-core');
  const { default: http } = await import('pouchdb-adapter-http');
  const { default: replication } = await import('pouchdb-replication');
  PouchDB.plugin(http).plugin(replication);
  const auth = (who) => ({ auth: { username: who.name, password: who.password } });

  const options = { viewport: { width: 1024, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await seedDevice(page, { ...TEST_DEVICE, id: '99999999-0000-4000-8000-000000000091', label: '食品科平板D', unit_id: 'food' });
  await openHome(page);
  await turnSyncOn(page, 'food-tablet');
  await page.getByTestId('nav-home').click();
  await newEvent(page, { activity: 'qm2021-a07', place: '互通测试餐厅', minutes: 15 });
  await page.getByTestId('nav-device').click();
  await expect(page.getByTestId('sync-pending')).toHaveAttribute('data-count', '0');

  const appWrote = async () => (await serverEvents()).find((doc) => doc.record.place === '互通测试餐厅');
  await expect.poll(appWrote).toBeTruthy();

  // PouchDB's own replicator copies the unit database into another PouchDB Server.
  const other = await startServer({ data: testInfo.outputPath('other-couch') });
  try {
    const source = new PouchDB(`${couch().base}/fl-unit-food`, auth(couch().admin));
    const target = new PouchDB(`${other.url}/fl-unit-food-copy`, auth(ADMIN));
    const result = await source.replicate.to(target);
    expect(result.ok).toBe(true);
    const { rows } = await target.allDocs({ include_docs: true });
    const copied = rows.map((row) => row.doc).find((doc) => doc.record?.place === '互通测试餐厅');
    const original = await appWrote();
    expect(copied).toEqual(original);

    // PouchDB writes a record in the app's format (as another client of the protocol would);
    // the app pulls it and lists it.
    const tablet = new PouchDB(`${couch().base}/fl-unit-food`, auth(couch().accounts['food-tablet']));
    const id = '0f0f0f0f-1111-4222-8333-444455556666';
    const record = { ...original.record, id, place: '由 PouchDB 写入的活动', revision: 1 };
    const written = await tablet.put({ ...original, _id: `event:${id}`, _rev: undefined, record });
    expect(written.ok).toBe(true);
    await page.getByTestId('sync-now').click();
    await page.getByTestId('nav-home').click();
    await expect(page.getByTestId('event-row').filter({ hasText: '由 PouchDB 写入的活动' })).toHaveCount(1);
  } finally {
    await other.stop();
  }
  await context.close();
});
