// Statistics: a known set of events gives the hand-computed figures; the summary prints on A4.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { test, expect, seedDevice, openHome, screenshot, SCREENSHOT_DIR, newEvent, setAttendance, keyFigure as figure } from './app-fixture.mjs';

test('a known set of events gives the hand-computed figures, and the summary prints on A4', async ({ page }) => {
  await seedDevice(page);
  await openHome(page, '2021-10-05T10:00:00+08:00');
  await newEvent(page, { activity: 'qm2021-a01', place: '中山公园广场', minutes: 120, reports: 2, materials: 200, monitors: 86 });
  await newEvent(page, { activity: 'qm2021-a10', place: '望海楼小区', minutes: 300, reports: 3, materials: 500, endDate: '2021-10-11' });
  await newEvent(page, { activity: 'other', title: '安全用药直播', platform: '抖音直播', minutes: 90, reports: 1 });
  await setAttendance(page, '中山公园广场', 37, ['李明', '张华', '王丽']);
  await expect(page.getByTestId('attendance-total')).toHaveText('40 人次');
  await page.getByTestId('nav-home').click();
  await setAttendance(page, '抖音直播', 1200);
  await expect(page.getByTestId('attendance-total')).toHaveText('1200 人次');

  await page.getByTestId('nav-stats').click();
  await expect(figure(page, 'stat-events')).toHaveText('3');
  await expect(figure(page, 'stat-attendance')).toHaveText('1240');
  await expect(figure(page, 'stat-publicity-minutes')).toHaveText('510');
  await expect(figure(page, 'stat-reports')).toHaveText('6');
  const rows = page.getByTestId('stats-activity-row');
  await expect(rows).toHaveCount(20);
  const cells = async (row) => (await row.locator('td:not(.extra-figures)').allTextContents()).join(' ');
  expect(await cells(rows.nth(0))).toBe('1 40 120 2 200');
  await expect(rows.nth(0).getByTestId('stats-extra')).toHaveText('检测调试血压计 86台');
  expect(await cells(rows.nth(9))).toBe('1 0 300 3 500');
  expect(await cells(rows.nth(1))).toBe('0 0 0 0 0');
  expect(await cells(rows.nth(19))).toBe('1 1200 90 1 0');
  await expect(page.getByText('2021年10月5日 (2021年10月5日至10月11日)')).toBeVisible();

  await page.getByTestId('stats-unit').selectOption('unit:special-equipment');
  await expect(figure(page, 'stat-events')).toHaveText('1');
  await expect(figure(page, 'stat-attendance')).toHaveText('0');
  await page.getByTestId('stats-unit').selectOption('');
  await expect(figure(page, 'stat-events')).toHaveText('3');
  await screenshot(page, 'statistics-filled-zh-CN-1024x768');

  // The printed summary: A4 portrait, no navigation, Chinese text.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.getByTestId('print-summary')).toBeHidden();
  await screenshot(page, 'summary-print-zh-CN');
  const pdfPath = join(SCREENSHOT_DIR, 'summary-a4.pdf');
  await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
  const pdf = readFileSync(pdfPath);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBeGreaterThanOrEqual(1);
  const mediaBox = pdf.toString('latin1').match(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)/);
  expect([Math.round(Number(mediaBox[1])), Math.round(Number(mediaBox[2]))]).toEqual([595, 842]); // A4 in points
});
