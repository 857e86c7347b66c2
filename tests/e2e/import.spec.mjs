// Import and merge: three tablets (three browser profiles) record overlapping and conflicting
// events and send JSON reports; a fourth, the Quality Section's, merges them. The totals must equal
// the hand-computed sums whatever the order and however often the files are imported; a corrupt
// file is refused by name and changes nothing; undo and removing one file work.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  test,
  expect,
  openProfile,
  screenshot,
  newEvent,
  setAttendance,
  keyFigure,
  storedEvents,
} from './app-fixture.mjs';

const device = (id, label, unit) => ({
  id,
  label,
  unit_id: unit,
  office_name: null,
  default_recorder: '王芳',
  created_at: '2021-09-01T00:00:00Z',
  updated_at: '2021-09-01T00:00:00Z',
  schema_version: 1,
});
const TABLET_A = device('aaaaaaaa-0000-4000-8000-000000000001', '平板1', 'metrology-institute');
const TABLET_B = device('bbbbbbbb-0000-4000-8000-000000000002', '平板2', 'food');
const TABLET_C = device('cccccccc-0000-4000-8000-000000000003', '平板3', 'special-equipment');
const QUALITY = device('dddddddd-0000-4000-8000-000000000004', '质量科电脑', 'quality');

/** A fresh browser profile set up as `tablet`, opened on its event list at `at`. */
async function tabletProfile(testInfo, name, tablet, at) {
  const { context, page } = await openProfile(testInfo, testInfo.outputPath(name));
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.addInitScript((json) => {
    if (!localStorage.getItem('field-ledger.v1.device')) localStorage.setItem('field-ledger.v1.device', json);
  }, JSON.stringify(tablet));
  await moveClock(page, at);
  await page.goto('/#/');
  await expect(page.getByTestId('home-page')).toBeVisible();
  await expect(page.getByText('正在读取本机数据')).toHaveCount(0);
  return { context, page, problems };
}

async function moveClock(page, at) {
  await page.clock.setFixedTime(new Date(at));
}

/** Exports the report JSON and saves it as `name` in `folder`. */
async function sendReport(page, folder, name) {
  await page.getByTestId('nav-export').click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const path = join(folder, name);
  await file.saveAs(path);
  return path;
}

/** Chooses `paths` on the import page and waits for the preview. */
async function chooseFiles(page, paths) {
  await page.getByTestId('nav-import').click();
  await page.getByTestId('import-files').setInputFiles(paths);
  await expect(page.getByTestId('import-preview')).toBeVisible();
}

async function importFiles(page, paths) {
  await chooseFiles(page, paths);
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-outcome')).toContainText(/已导入|没有变化/);
}

async function totals(page) {
  await page.getByTestId('nav-stats').click();
  const figures = {};
  for (const [key, testid] of [
    ['events', 'stat-events'],
    ['person_times', 'stat-attendance'],
    ['minutes', 'stat-publicity-minutes'],
    ['reports', 'stat-reports'],
  ]) {
    figures[key] = Number(await keyFigure(page, testid).textContent());
  }
  return figures;
}

/** The stored events as the merge left them, without where each came from. */
async function mergedEvents(page) {
  const events = await storedEvents(page);
  return events
    .map(({ origin, ...event }) => event)
    .sort((a, b) => a.id.localeCompare(b.id));
}

const tally = (page, row) => page.getByTestId(row).locator('td');

test('three tablets merged on a fourth: right totals in any order, again and again', async ({}, testInfo) => {
  test.setTimeout(240_000);
  const folder = testInfo.outputPath('files');
  mkdirSync(folder, { recursive: true });

  // Tablet A records three events on 15 September and sends a report.
  const a = await tabletProfile(testInfo, 'tablet-a', TABLET_A, '2021-09-15T10:00:00+08:00');
  await newEvent(a.page, { activity: 'qm2021-a01', place: 'A广场', minutes: 60, reports: 1 });
  await setAttendance(a.page, 'A广场', 30);
  await newEvent(a.page, { activity: 'qm2021-a10', place: 'A社区', minutes: 120, reports: 2 });
  await setAttendance(a.page, 'A社区', 20);
  await newEvent(a.page, { activity: 'qm2021-a01', place: 'A临时', minutes: 10, reports: 0 });
  await setAttendance(a.page, 'A临时', 5);
  const a1 = await sendReport(a.page, folder, 'A-first.json');

  // Tablet C stands in for A for a day: it restores A's report, changes A社区's head count and
  // records its own event.
  const c = await tabletProfile(testInfo, 'tablet-c', TABLET_C, '2021-09-16T09:00:00+08:00');
  await importFiles(c.page, [a1]);
  await c.page.getByTestId('nav-home').click();
  await setAttendance(c.page, 'A社区', 99);
  await newEvent(c.page, { activity: 'qm2021-a05', place: 'C市场', minutes: 30, reports: 1 });
  await setAttendance(c.page, 'C市场', 10);
  const cFile = await sendReport(c.page, folder, 'C.json');

  // Meanwhile (earlier that morning) tablet A changes A社区 too, corrects A广场, deletes A临时
  // and sends again: A社区 now has two versions of the same revision, a conflict.
  await moveClock(a.page, '2021-09-16T08:00:00+08:00');
  await a.page.getByTestId('nav-home').click();
  await setAttendance(a.page, 'A社区', 25);
  await a.page.getByTestId('nav-home').click();
  await setAttendance(a.page, 'A广场', 45);
  await a.page.getByTestId('nav-home').click();
  await a.page.getByTestId('event-row').filter({ hasText: 'A临时' }).getByTestId('delete-event').click();
  await expect(a.page.getByTestId('event-row').filter({ hasText: 'A临时' })).toHaveCount(0);
  const a2 = await sendReport(a.page, folder, 'A-second.json');

  // Tablet B records one event.
  const b = await tabletProfile(testInfo, 'tablet-b', TABLET_B, '2021-09-15T11:00:00+08:00');
  await newEvent(b.page, { activity: 'qm2021-a03', place: 'B街道', minutes: 45, reports: 3 });
  await setAttendance(b.page, 'B街道', 50);
  const bFile = await sendReport(b.page, folder, 'B.json');

  // A damaged copy of B's file (cut short in transit) and a photo sent by mistake.
  const cut = join(folder, 'B-damaged.json');
  const bBytes = readFileSync(bFile);
  writeFileSync(cut, bBytes.subarray(0, Math.floor(bBytes.length / 2)));
  const junk = join(folder, '现场照片.json');
  writeFileSync(junk, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]));

  // By hand: A广场 45 people, 60 min, 1 report; A社区 C's 99 (same revision as A's 25, saved
  // later), 120 min, 2; A临时 deleted; B街道 50, 45 min, 3; C市场 10, 30 min, 1.
  const expected = { events: 4, person_times: 45 + 99 + 50 + 10, minutes: 60 + 120 + 45 + 30, reports: 1 + 2 + 3 + 1 };

  // The Quality Section merges everything at once, the bad files included.
  const q = await tabletProfile(testInfo, 'quality', QUALITY, '2021-09-17T09:00:00+08:00');
  await chooseFiles(q.page, [a1, a2, bFile, cFile, cut, junk]);
  const errors = q.page.getByTestId('import-error');
  await expect(errors).toHaveCount(2);
  await expect(errors.filter({ hasText: 'B-damaged.json' })).toContainText('文件不完整');
  await expect(errors.filter({ hasText: '现场照片.json' })).toContainText('不是 JSON 文件');
  await expect(q.page.getByTestId('import-file-row')).toHaveCount(6);
  // 5 events (A广场, A社区, A临时, B街道, C市场): 4 new, 1 new and deleted; A社区 in conflict.
  await expect(tally(q.page, 'tally-events')).toHaveText(['4', '0', '0', '1', '1']);
  await screenshot(q.page, 'import-preview-zh-CN-1024x768');
  expect(await storedEvents(q.page), 'nothing stored before confirming').toEqual([]);
  await q.page.getByTestId('import-confirm').click();
  await expect(q.page.getByTestId('import-outcome')).toContainText('已导入 4 个文件');
  await expect(q.page.getByTestId('conflict')).toHaveCount(1);
  await expect(q.page.getByTestId('conflict-kept')).toContainText('参加人次 99');
  await expect(q.page.getByTestId('conflict-other')).toContainText('参加人次 25');
  await screenshot(q.page, 'import-done-zh-CN-1024x768');
  expect(await totals(q.page)).toEqual(expected);
  const merged = await mergedEvents(q.page);

  // The same files again change nothing.
  await chooseFiles(q.page, [a1, a2, bFile, cFile]);
  await expect(tally(q.page, 'tally-events')).toHaveText(['0', '0', '5', '0', '1']);
  await expect(q.page.getByTestId('import-file-row').filter({ hasText: '已接收过' })).toHaveCount(4);
  await q.page.getByTestId('import-confirm').click();
  await expect(q.page.getByTestId('import-outcome')).toHaveText('所选文件都已接收过，数据没有变化。');
  expect(await totals(q.page)).toEqual(expected);
  expect(await mergedEvents(q.page)).toEqual(merged);

  // A corrupt file alone: refused by name, nothing to confirm, nothing stored changes.
  await chooseFiles(q.page, [cut]);
  await expect(q.page.getByTestId('import-error')).toContainText('B-damaged.json');
  await expect(q.page.getByTestId('import-confirm')).toHaveCount(0);
  await q.page.getByTestId('import-cancel').click();
  expect(await mergedEvents(q.page)).toEqual(merged);

  // Keeping the current version settles the conflict for good: the same files no longer list it.
  await q.page.getByTestId('nav-import').click();
  await q.page.getByTestId('conflict-keep').click();
  await expect(q.page.getByTestId('conflict')).toHaveCount(0);
  await chooseFiles(q.page, [a1, a2, bFile, cFile]);
  await expect(tally(q.page, 'tally-events')).toHaveText(['0', '0', '5', '0', '0']);
  await q.page.getByTestId('import-cancel').click();
  expect(await totals(q.page)).toEqual(expected);

  // Another Quality Section device takes the files one by one in another order: same result.
  const r = await tabletProfile(testInfo, 'quality-2', QUALITY, '2021-09-17T09:00:00+08:00');
  await importFiles(r.page, [cFile]);
  // Undo the last import: back to nothing; then on with the others.
  await r.page.getByTestId('import-undo').click();
  await expect(r.page.getByTestId('import-outcome')).toContainText('已撤销');
  expect(await storedEvents(r.page)).toEqual([]);
  for (const file of [bFile, cFile, a2, a1]) await importFiles(r.page, [file]);
  expect(await totals(r.page)).toEqual(expected);
  expect(await mergedEvents(r.page)).toEqual(merged);

  // Choosing the other version of the conflict makes a new revision that re-importing keeps.
  await r.page.getByTestId('nav-import').click();
  await r.page.getByTestId('conflict-use').click();
  await expect(r.page.getByTestId('conflict')).toHaveCount(0);
  const chosen = { ...expected, person_times: expected.person_times - 99 + 25 };
  expect(await totals(r.page)).toEqual(chosen);
  await importFiles(r.page, [a1, a2, bFile, cFile]);
  expect(await totals(r.page)).toEqual(chosen);

  // The received-files page on the first device: who sent what, and who has sent nothing.
  await q.page.getByTestId('nav-import').click();
  await q.page.getByTestId('received-files-link').click();
  await expect(q.page.getByTestId('received-file-row')).toHaveCount(4);
  await expect(q.page.getByTestId('units-without-files')).not.toContainText('食品科');
  await expect(q.page.getByTestId('units-without-files')).toContainText('消保科');
  await screenshot(q.page, 'received-files-zh-CN-1024x768');
  // Removing B's file takes B街道 away and leaves every other import.
  await q.page.getByTestId('received-file-row').filter({ hasText: 'B.json' }).getByTestId('received-remove').click();
  await q.page.getByTestId('received-remove-confirm').click();
  await expect(q.page.getByTestId('received-outcome')).toContainText('B.json');
  await expect(q.page.getByTestId('received-file-row')).toHaveCount(3);
  await expect(q.page.getByTestId('units-without-files')).toContainText('食品科');
  expect(await totals(q.page)).toEqual({ events: 3, person_times: 45 + 99 + 10, minutes: 60 + 120 + 30, reports: 1 + 2 + 1 });

  // The Quality Section's own export is the consolidated file: every merged record, and where each
  // came from.
  const consolidated = JSON.parse(readFileSync(await sendReport(q.page, folder, 'Q.json'), 'utf8'));
  const live = consolidated.events.filter((event) => !event.deleted);
  expect(live.map((event) => event.place).sort()).toEqual(['A广场', 'A社区', 'C市场']);
  expect(live.reduce((sum, event) => sum + event.head_count, 0)).toBe(45 + 99 + 10);
  const settledHere = live.find((event) => event.place === 'A社区');
  expect(settledHere.origin, 'the kept version was saved here as a new revision').toBeUndefined();
  expect(live.filter((event) => event !== settledHere).every((event) => event.origin?.device_id)).toBe(true);

  for (const tablet of [a, b, c, q, r]) {
    expect(tablet.problems).toEqual([]);
    await tablet.context.close();
  }
});

test('dropped files are read like chosen ones; 50 MB of junk is refused by name at once', async ({ page }, testInfo) => {
  await page.addInitScript((json) => localStorage.setItem('field-ledger.v1.device', json), JSON.stringify(QUALITY));
  await moveClock(page, '2021-09-17T09:00:00+08:00');
  await page.goto('/#/import');
  await expect(page.getByTestId('import-files')).toBeEnabled();
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['{"format": "field-ledger.export", "format_version": 9}'], '新版本导出.json', { type: 'application/json' }));
    return transfer;
  });
  await page.locator('.drop-zone').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByTestId('import-error')).toHaveText('「新版本导出.json」：由更新版本的活动台账导出（格式版本 9），请先更新本应用再导入。');
  await expect(page.getByTestId('import-confirm')).toHaveCount(0);
  await page.getByTestId('import-cancel').click();

  const junk = testInfo.outputPath('备份.json');
  const bytes = Buffer.alloc(50 * 1024 * 1024);
  for (let i = 0; i < bytes.length; i += 4096) bytes[i] = (i * 7919) & 0xff;
  bytes[0] = 0x50; // "PK…", as a zip would start
  writeFileSync(junk, bytes);
  await page.getByTestId('import-files').setInputFiles(junk);
  await expect(page.getByTestId('import-error')).toContainText('「备份.json」：不是 JSON 文件');
  expect(await storedEvents(page)).toEqual([]);
});
