// Exports: record a known set of events, download every file the export page offers, and read
// them as the Quality Section would — Python's csv module and LibreOffice Calc — checking they
// carry the statistics page's totals, Chinese intact, no formula that runs, phones masked unless
// included, and that the JSON validates against the schema in the repository.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import {
  test,
  expect,
  seedDevice,
  openHome,
  screenshot,
  newEvent,
  setAttendance,
  keyFigure,
} from './app-fixture.mjs';

const FORMULA_PLACE = '=HYPERLINK("http://x","y")';
const PREFIX = '质量月2021_计量所_平板3_2021-09-20_';

function schemaValidator() {
  const schemas = join(import.meta.dirname, '../../schemas');
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema(JSON.parse(readFileSync(join(schemas, 'field-ledger-campaign.schema.json'), 'utf8')));
  return ajv.compile(JSON.parse(readFileSync(join(schemas, 'field-ledger-export.schema.json'), 'utf8')));
}

/** Clicks the export button `testid` and saves the real download; returns its name and path. */
async function download(page, testid, folder) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  const name = file.suggestedFilename();
  const path = join(folder, name);
  await file.saveAs(path);
  await expect(page.getByTestId('export-outcome')).toContainText(name);
  return { name, path, bytes: readFileSync(path) };
}

test('every export carries the statistics and opens in Python and LibreOffice', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const folder = testInfo.outputPath('downloads');
  mkdirSync(folder, { recursive: true });
  await seedDevice(page);
  await openHome(page, '2021-09-20T17:30:00+08:00');
  await newEvent(page, { activity: 'qm2021-a01', place: '中山公园广场', minutes: 120, reports: 2, materials: 200, monitors: 86 });
  await newEvent(page, { activity: 'qm2021-a10', place: FORMULA_PLACE, minutes: 300, reports: 3 });
  await newEvent(page, { activity: 'other', title: '安全用药直播', platform: '抖音直播', minutes: 90, reports: 1 });
  await setAttendance(page, '中山公园广场', 37, [{ name: '李明', phone: '13812345678' }, '张华']);
  await page.getByTestId('nav-home').click();
  await setAttendance(page, 'HYPERLINK', 15);
  await page.getByTestId('nav-home').click();
  await setAttendance(page, '抖音直播', 1200);
  await expect(page.getByTestId('unexported-count')).toHaveText('3');

  await page.getByTestId('nav-stats').click();
  const stats = {};
  for (const [key, testid] of [
    ['events', 'stat-events'],
    ['person_times', 'stat-attendance'],
    ['minutes', 'stat-publicity-minutes'],
    ['reports', 'stat-reports'],
  ]) {
    stats[key] = Number(await keyFigure(page, testid).textContent());
  }
  expect(stats).toEqual({ events: 3, person_times: 1254, minutes: 510, reports: 6 });

  await page.getByTestId('nav-export').click();
  await expect(page.getByTestId('export-status')).toHaveText('本平板还没有导出过本活动方案的记录，3 条活动记录待导出。');
  await screenshot(page, 'export-zh-CN-1024x768');
  const events = await download(page, 'export-csv-events', folder);
  const roster = await download(page, 'export-csv-roster', folder);
  const summary = await download(page, 'export-csv-summary', folder);
  // CSV files are not the Quality Section's merge input: the count stays until the JSON goes.
  await expect(page.getByTestId('unexported-count')).toHaveText('3');
  const report = await download(page, 'export-json', folder);
  await expect(page.getByTestId('unexported-count')).toHaveCount(0);
  await expect(page.getByTestId('export-status')).toHaveText('所有更改均已导出（上次导出：2021年9月20日 17:30）。');
  expect([events.name, roster.name, summary.name, report.name]).toEqual([
    `${PREFIX}events.csv`,
    `${PREFIX}roster.csv`,
    `${PREFIX}summary.csv`,
    `${PREFIX}report.json`,
  ]);

  // The JSON report: self-describing, valid against the schema, phones withheld and marked.
  const json = JSON.parse(report.bytes.toString('utf8'));
  const validate = schemaValidator();
  expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
  expect(json).toMatchObject({
    format: 'field-ledger.export',
    kind: 'report',
    phones_withheld: true,
    device: { id: '3d9a4b2c-1e5f-4a6b-9c7d-8e0f1a2b3c4d', label: '平板3', unit_id: 'metrology-institute' },
    campaign: { id: 'quality-month-2021' },
  });
  expect(json.app_version).toMatch(/^0\.1\.0\+/);
  expect(json.campaign.activities).toHaveLength(19);
  expect(json.events).toHaveLength(3);
  expect(json.roster).toHaveLength(2);
  expect(report.bytes.toString('utf8')).not.toContain('13812345678');
  for (const entry of json.roster) expect(entry.withheld).toEqual(['phone']);

  // The clerk's tools read the CSVs.
  const files = join(folder, 'files.json');
  writeFileSync(
    files,
    JSON.stringify({ events: events.path, roster: roster.path, summary: summary.path, workdir: join(folder, 'work') }),
  );
  const read = JSON.parse(execFileSync('python3', [join(import.meta.dirname, 'check_exports.py'), files], { encoding: 'utf8' }));
  for (const table of ['events', 'roster', 'summary']) {
    expect(read[table].bom, `${table} starts with a BOM`).toBe(true);
    expect(read[table].crlf_only, `${table} uses CRLF`).toBe(true);
  }
  expect(read.events.rows).toBe(stats.events);
  expect(read.events.person_times).toBe(stats.person_times);
  expect(read.events.publicity_minutes).toBe(stats.minutes);
  expect(read.events.publicity_reports).toBe(stats.reports);
  // The clock is fixed, so the three share a creation time and their order is by ID.
  expect(read.events.activities.toSorted()).toEqual(['其他活动：安全用药直播', '电梯安全宣传周', '计量便民服务日'].toSorted());
  expect(read.events.start_dates).toEqual(['2021-09-20', '2021-09-20', '2021-09-20']);
  const formulaCell = read.events.places.find((place) => place.includes('HYPERLINK'));
  expect(formulaCell.startsWith('=')).toBe(false);
  expect(formulaCell).toBe(`'${FORMULA_PLACE}`);
  // Both signed in at the same fixed instant: their order is by ID.
  const signIns = read.roster.names.map((name, i) => `${name}:${read.roster.phones[i]}`).toSorted();
  expect(signIns).toEqual(['张华:', '李明:138****5678'].toSorted());
  expect(read.summary.total).toEqual([stats.events, stats.person_times, stats.minutes, stats.reports]);
  expect(read.summary.activity_rows).toBe(20);
  expect(read.summary.activity_sum).toEqual(read.summary.total);
  expect(read.summary.unit_sum).toEqual(read.summary.total);
  expect(read.summary.first_activity).toEqual(['按活动', '1', '计量便民服务日']);

  // LibreOffice: xlsx and back with the same content; the BOM does not leak into the header.
  for (const table of ['events', 'roster', 'summary']) {
    const trip = read.libreoffice[table];
    expect(trip.differences, `${table} after LibreOffice`).toEqual([]);
    expect(trip.rows_after).toBe(trip.rows_before);
  }
  expect(read.libreoffice.events.first_header_cell).toBe('记录编号');
  expect(read.libreoffice.summary.first_header_cell).toBe('分组');
  // A plain double-click import evaluates formulas: none is found, the place stays text.
  expect(read.default_import.formulas).toBe(0);
  expect(read.default_import.hyperlink_texts).toEqual([`'${FORMULA_PLACE}`]);

  // Phones only when asked for; English headers on request.
  await page.getByTestId('export-include-phones').check();
  await expect(page.getByText('文件将包含居民的完整手机号')).toBeVisible();
  const withPhones = await download(page, 'export-csv-roster', folder);
  // Grouped as read aloud, so spreadsheets keep it as text rather than 1.38123E+10.
  expect(withPhones.bytes.toString('utf8')).toContain(',李明,138 1234 5678,');
  await page.getByTestId('export-csv-language').selectOption('en');
  const english = await download(page, 'export-csv-events', folder);
  expect(english.bytes.toString('utf8').startsWith('\ufeffRecord ID,Activity no.,Activity,')).toBe(true);

  // The backup is complete: phones included, kind "backup".
  const backup = JSON.parse((await download(page, 'export-backup', folder)).bytes.toString('utf8'));
  expect(validate(backup), JSON.stringify(validate.errors)).toBe(true);
  expect(backup.kind).toBe('backup');
  expect(backup.roster.map((e) => e.phone)).toContain('13812345678');
  await screenshot(page, 'export-done-zh-CN-1024x768');

  // A later change counts again, and the count survives a reload.
  await page.getByTestId('nav-home').click();
  await setAttendance(page, '中山公园广场', 38);
  await expect(page.getByTestId('unexported-count')).toHaveText('1');
  await page.reload();
  await expect(page.getByTestId('unexported-count')).toHaveText('1');
});

test('an English tablet exports with the same names and Chinese headers by default', async ({ page }, testInfo) => {
  const folder = testInfo.outputPath('downloads');
  mkdirSync(folder, { recursive: true });
  await seedDevice(page);
  await page.addInitScript(() => localStorage.setItem('field-ledger.v1.language', '"en"'));
  await page.setViewportSize({ width: 768, height: 1024 });
  await openHome(page, '2021-09-20T17:30:00+08:00');
  await page.getByTestId('nav-export').click();
  await expect(page.getByTestId('export-status')).toHaveText('No events to export yet.');
  await expect(page.getByTestId('export-json')).toContainText('Download');
  await screenshot(page, 'export-en-768x1024');
  const summary = await download(page, 'export-csv-summary', folder);
  expect(summary.name).toBe(`${PREFIX}summary.csv`);
  expect(summary.bytes.toString('utf8').startsWith('\ufeff分组,')).toBe(true);
});
