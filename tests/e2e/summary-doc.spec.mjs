// The campaign summary (活动总结) as a Word file: a unit's tablet records events under two summary
// directions, attaches photos (two selected JPEGs, one unselected, one selected whose stored image
// is damaged) and downloads its summary; real consumers read it: python-docx (page, margins,
// East-Asian fonts, pictures byte for byte), LibreOffice Writer (to PDF) and pdftotext (what a
// reader sees). The Quality Section merges two units' reports and downloads the district's
// summary, whose figures are the sum of the units'; in English when the interface is English.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  test, expect, seedDevice, openHome, newEvent, setAttendance, screenshot, makeImage, TEST_DEVICE, SCREENSHOT_DIR,
} from './app-fixture.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const FOOD = { ...TEST_DEVICE, id: 'dddddddd-0000-4000-8000-000000000005', label: '平板5', unit_id: 'food' };
const QUALITY = { ...TEST_DEVICE, id: 'dddddddd-0000-4000-8000-000000000004', label: '质量科电脑', unit_id: 'quality' };
const CAPTION_1 = '计量便民服务日现场，市民排队检测血压计';
const CAPTION_2 = '计量人员为企业讲解计量器具检定要求';
const CAPTION_DAMAGED = '这张照片的图像已损坏';
const DIRECTIONS = ['质量主题宣传', '质量提升行动', '严格执法监督', '强化消费维权', '开展质量帮扶', '质量强企惠民'];

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** What python-docx reads from the file (Debian's python3-docx, under Debian's Python). */
function readDocx(path) {
  return JSON.parse(execFileSync('/usr/bin/python3', [join(HERE, 'read_docx.py'), path], { encoding: 'utf8' }));
}

/** LibreOffice Writer (headless, its own profile) turns the file into a PDF; pdftotext reads it. */
function pdfOf(path, folder) {
  const profile = mkdtempSync(join(folder, 'lo-profile-'));
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', folder, path], {
    timeout: 180_000,
    stdio: 'pipe',
  });
  const pdf = join(folder, basename(path).replace(/\.docx$/, '.pdf'));
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  return { pdf, text, flat: text.replace(/\s+/g, '') };
}

/** The PDF's first two pages as pictures in target/screenshots/ (looked at, one in the README). */
function pagePictures(pdf, name) {
  execFileSync('pdftoppm', ['-r', '70', '-png', '-f', '1', '-l', '2', pdf, join(SCREENSHOT_DIR, name)]);
  return [1, 2].map((n) => join(SCREENSHOT_DIR, `${name}-${n}.png`));
}

async function downloadSummary(page, folder) {
  await page.getByTestId('nav-export').click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-summary-doc').click()]);
  const path = join(folder, file.suggestedFilename());
  await file.saveAs(path);
  return { path, name: file.suggestedFilename() };
}

/** Cuts the stored image of the photo attached as `fileName` to its first half, as a save broken
 * off would leave it: its header still says JPEG and its size. */
async function cutStoredImage(page, fileName) {
  await page.evaluate(
    (fileName) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('field-ledger');
        open.onsuccess = () => {
          const database = open.result;
          const transaction = database.transaction(['photos', 'photo_blobs'], 'readwrite');
          const all = transaction.objectStore('photos').getAll();
          all.onsuccess = () => {
            const photo = all.result.map((json) => JSON.parse(json)).find((p) => p.file_name === fileName);
            const blobs = transaction.objectStore('photo_blobs');
            const image = blobs.get(photo.id);
            image.onsuccess = () => blobs.put(image.result.slice(0, Math.floor(image.result.size / 2), 'image/jpeg'), photo.id);
          };
          transaction.oncomplete = () => { database.close(); resolve(); };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    fileName,
  );
}

test('a unit downloads its summary as a Word file with its figures, directions and selected photos', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const folder = testInfo.outputPath('summary');
  mkdirSync(folder, { recursive: true });
  await seedDevice(page);
  await openHome(page);
  // 计量便民服务日 (质量强企惠民): 40 counted and 2 signed in, 120 minutes, 2 reports, two videos.
  await page.getByTestId('new-event').click();
  await page.getByTestId('event-activity').selectOption('qm2021-a01');
  await page.getByTestId('event-place').fill('中山公园广场');
  await page.getByTestId('event-publicity-minutes').fill('120');
  await page.getByTestId('event-publicity-reports').fill('2');
  await page.getByTestId('event-video-files').fill('VID_0915_01.mp4\nVID_0915_02.mp4');
  await page.getByTestId('save-event').click();
  await expect(page.getByTestId('event-row')).toHaveCount(1);
  await setAttendance(page, '中山公园广场', 40, ['张伟', '李娜']);
  await page.getByTestId('nav-home').click();
  // 计量服务中小企业行 (开展质量帮扶), led by 计量标准化科 but held by this unit: 15 counted,
  // 30 minutes, 1 report.
  await page.getByTestId('new-event').click();
  await page.getByTestId('event-activity').selectOption('qm2021-a02');
  await page.getByTestId('event-unit').selectOption('metrology-institute');
  await page.getByTestId('event-place').fill('天津某精密仪器公司');
  await page.getByTestId('event-publicity-minutes').fill('30');
  await page.getByTestId('event-publicity-reports').fill('1');
  await page.getByTestId('save-event').click();
  await expect(page.getByTestId('event-row')).toHaveCount(2);
  await setAttendance(page, '天津某精密仪器公司', 15);
  await page.getByTestId('nav-home').click();

  const jpg = await makeImage(page, 1280, 960, 'image/jpeg');
  const second = await makeImage(page, 1024, 768, 'image/jpeg');
  const unselected = await makeImage(page, 1600, 1200, 'image/jpeg');
  const broken = await makeImage(page, 1024, 768, 'image/jpeg');
  await page.getByTestId('event-row').filter({ hasText: '中山公园广场' }).getByTestId('open-photos').click();
  await page.getByTestId('photo-input').setInputFiles([
    { name: '现场.jpg', mimeType: 'image/jpeg', buffer: jpg },
    { name: '讲解.jpg', mimeType: 'image/jpeg', buffer: second },
    { name: '未选.jpg', mimeType: 'image/jpeg', buffer: unselected },
    { name: '损坏.jpg', mimeType: 'image/jpeg', buffer: broken },
  ]);
  const rows = page.getByTestId('photo-row');
  await expect(rows).toHaveCount(4);
  for (const [name, caption, selected] of [
    ['现场.jpg', CAPTION_1, true],
    ['讲解.jpg', CAPTION_2, true],
    ['未选.jpg', '未选送的照片', false],
    ['损坏.jpg', CAPTION_DAMAGED, true],
  ]) {
    const row = rows.filter({ hasText: name });
    await row.getByTestId('photo-caption').fill(caption);
    await row.getByTestId('photo-caption').press('Tab');
    if (selected) await row.getByTestId('photo-select').check();
    await expect(row.getByTestId('photo-select')).toBeChecked({ checked: selected });
  }
  await cutStoredImage(page, '损坏.jpg');
  // The last save's toast would cover the outcome in the pictures.
  await page.getByTestId('toast').getByRole('button', { name: '知道了' }).click();

  // The scope offers this tablet's unit first (chosen), every other unit, and the district.
  await page.getByTestId('nav-export').click();
  const scope = page.getByTestId('summary-doc-scope');
  await expect(scope).toHaveValue('unit:metrology-institute');
  await expect(scope.locator('option').first()).toHaveText('本机单位：计量所');
  await expect(scope.locator('option').last()).toHaveText('全区（所有单位的记录，含导入的）');
  await page.getByTestId('export-summary-doc').scrollIntoViewIfNeeded();
  await screenshot(page, 'export-summary-doc-zh-CN-1024x768');
  const summary = await downloadSummary(page, folder);
  expect(summary.name).toBe('质量月2021_计量所_活动总结_2021-09-15.docx');
  const outcome = page.getByTestId('export-outcome');
  await expect(outcome).toContainText('已下载');
  await expect(outcome).toContainText('含照片 2 张。');
  await expect(outcome).toContainText('有 1 张选送照片的图像已损坏或不在本设备上');
  await page.setViewportSize({ width: 768, height: 1024 });
  await outcome.scrollIntoViewIfNeeded();
  await screenshot(page, 'export-summary-doc-done-zh-CN-768x1024');
  await page.setViewportSize({ width: 1024, height: 768 });

  // python-docx: GB/T 9704 page, margins and fonts; the two selected JPEGs byte for byte.
  const read = readDocx(summary.path);
  expect(read.bad).toBeNull();
  expect(read.page_mm).toEqual([210, 297]);
  expect(read.margins_mm).toEqual({ top: 37, bottom: 35, left: 28, right: 26 });
  expect(read.styles).toEqual({
    Title: { east_asia: '方正小标宋简体', ascii: 'Times New Roman', size_pt: 22 },
    Normal: { east_asia: '仿宋_GB2312', ascii: 'Times New Roman', size_pt: 16 },
    'Heading 1': { east_asia: '黑体', ascii: 'Times New Roman', size_pt: 16 },
    'Heading 2': { east_asia: '楷体_GB2312', ascii: 'Times New Roman', size_pt: 16 },
  });
  expect(read.fallbacks).toMatchObject({ 仿宋_GB2312: '仿宋', 楷体_GB2312: '楷体', 方正小标宋简体: '宋体' });
  expect(read.jpeg_type).toBe(true);
  // The photos were attached in one go (one attach time), so their order follows their IDs.
  expect(read.media.map((m) => m.sha256).sort()).toEqual([sha256(jpg), sha256(second)].sort());
  for (const { name } of read.media) expect(name).toMatch(/^word\/media\/photo[123]\.jpg$/);
  expect(read.replacement_characters, 'Chinese survives in the XML').toBe(0);
  expect(read.paragraphs.slice(0, 3)).toEqual(['天津市河北区市场监督管理局', '质量月2021活动总结', '（计量所\u30002021年9月1日至9月30日）']);

  // LibreOffice Writer: what a reader sees on paper.
  const { pdf, flat } = pdfOf(summary.path, folder);
  for (const text of [
    '质量月2021活动总结',
    '2021年9月1日至9月30日，计量所共开展活动2场，参加活动57人次，宣传时长150分钟，宣传报道3篇。',
    ...DIRECTIONS,
    '本方向暂无活动记录。',
    '本设备上存储的图像已损坏',
    'VID_0915_01.mp4、VID_0915_02.mp4',
    '由活动台账',
  ]) {
    expect(flat, `the PDF shows ${text}`).toContain(text.replace(/\s+/g, ''));
  }
  for (const caption of [CAPTION_1, CAPTION_2, CAPTION_DAMAGED]) expect(flat).toMatch(new RegExp(`图[123]${caption}`));
  expect(flat).not.toContain('未选送的照片');
  const pictures = pagePictures(pdf, 'summary-doc-zh-CN-page');
  if (process.env.UPDATE_DOCS) copyFileSync(pictures[0], join(HERE, '../../docs/summary-doc-page-1.png'));
  expect(readFileSync(pictures[1]).length).toBeGreaterThan(1000);
});

test('the Quality Section’s district summary adds up the merged units, in English when asked', async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const folder = testInfo.outputPath('district');
  mkdirSync(folder, { recursive: true });
  const options = { viewport: { width: 1024, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true };

  // Two units' tablets record and export their reports.
  const reports = [];
  for (const [device, events] of [
    [TEST_DEVICE, [{ activity: 'qm2021-a01', place: '中山公园广场', minutes: 120, reports: 2, heads: 40 }]],
    [FOOD, [
      { activity: 'qm2021-a05', place: '北站餐饮街', minutes: 60, reports: 1, heads: 30 },
      { activity: 'qm2021-a17', place: '意式风情街', minutes: 90, reports: 4, heads: 80 },
    ]],
  ]) {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    await seedDevice(page, device);
    await openHome(page);
    for (const event of events) {
      await newEvent(page, event);
      await setAttendance(page, event.place, event.heads);
      await page.getByTestId('nav-home').click();
    }
    await page.getByTestId('nav-export').click();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
    const path = join(folder, file.suggestedFilename());
    await file.saveAs(path);
    reports.push(path);
    await context.close();
  }

  const context = await browser.newContext(options);
  const page = await context.newPage();
  await seedDevice(page, QUALITY);
  await openHome(page, '2021-10-13T09:00:00+08:00');
  await page.getByTestId('nav-import').click();
  await page.getByTestId('import-files').setInputFiles(reports);
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-outcome')).toContainText('已导入');

  await page.getByTestId('nav-export').click();
  await page.getByTestId('summary-doc-scope').selectOption('district');
  const district = await downloadSummary(page, folder);
  expect(district.name).toBe('质量月2021_全区_活动总结_2021-10-13.docx');
  await expect(page.getByTestId('export-outcome')).toContainText('含照片 0 张。');
  const read = readDocx(district.path);
  // The per-unit table: each unit's figures, and their sum as the total.
  const units = read.tables[1];
  expect(units[0]).toEqual(['单位', '活动数量（场）', '参加活动人次', '宣传时长（分钟）', '宣传报道数量（篇）']);
  expect(units.slice(1)).toEqual([
    ['计量所', '1', '40', '120', '2'],
    ['食品科', '2', '110', '150', '5'],
    ['合计', '3', '150', '270', '7'],
  ]);
  const { pdf, flat } = pdfOf(district.path, folder);
  expect(flat).toContain('2021年9月1日至9月30日，全区共开展活动3场，参加活动150人次，宣传时长270分钟，宣传报道7篇。');
  for (const direction of DIRECTIONS) expect(flat).toContain(direction);
  expect(flat).toContain('本次未选送照片。');
  pagePictures(pdf, 'summary-doc-district-page');

  // The same in English.
  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('summary-doc-scope').locator('option').last()).toHaveText("The whole district (every unit's records, imported ones too)");
  await page.getByTestId('summary-doc-scope').selectOption('district');
  const english = await downloadSummary(page, folder);
  expect(english.name, 'file names stay Chinese, as the other exports').toBe('质量月2021_全区_活动总结_2021-10-13.docx');
  mkdirSync(join(folder, 'en'));
  const englishText = pdfOf(english.path, join(folder, 'en')).flat;
  for (const text of ['1. Overview', 'District held 3 events, 150 person-times', '2. Quality publicity', 'District Metrology Institute', 'No photos were selected.']) {
    expect(englishText).toContain(text.replace(/\s+/g, ''));
  }
  await context.close();
});
