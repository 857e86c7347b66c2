// The report pack: a tablet attaches photos, selects one, records its videos and downloads the
// pack; the test unpacks it with Python's zipfile (CRCs checked) and checks every file and
// captions.csv; a fresh profile (the Quality Section's) imports the pack and gets the photo with
// its caption; undoing the import takes it away again; the backup pack restores every photo on
// a replacement tablet.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, seedDevice, openHome, screenshot, makeImage, TEST_DEVICE } from './app-fixture.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const QUALITY = { ...TEST_DEVICE, id: 'dddddddd-0000-4000-8000-000000000004', label: '质量科电脑', unit_id: 'quality' };
const CAPTION = '质量月计量便民服务日现场，市民排队检测血压计';

function unpack(zipPath, folder) {
  mkdirSync(folder, { recursive: true });
  return JSON.parse(execFileSync('python3', [join(HERE, 'unpack.py'), zipPath, folder], { encoding: 'utf8' }));
}

/** A CSV file's rows (BOM dropped, CRLF lines; the cells here hold no commas or quotes). */
function csvRows(path) {
  const text = readFileSync(path, 'utf8');
  expect(text.startsWith('\ufeff'), 'UTF-8 BOM for Excel').toBe(true);
  return text.slice(1).split('\r\n').filter(Boolean).map((line) => line.split(','));
}

async function download(page, testid, folder) {
  await page.getByTestId('nav-export').click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  const path = join(folder, file.suggestedFilename());
  await file.saveAs(path);
  await expect(page.getByTestId('export-outcome')).toContainText('已下载');
  return { path, name: file.suggestedFilename() };
}

async function importPack(page, path) {
  await page.getByTestId('nav-import').click();
  await page.getByTestId('import-files').setInputFiles(path);
  await expect(page.getByTestId('import-preview')).toBeVisible();
}

test('the report pack carries the selected photos, captions and videos to the Quality Section', async ({ page, browser }, testInfo) => {
  const folder = testInfo.outputPath('packs');
  mkdirSync(folder, { recursive: true });
  await seedDevice(page);
  await openHome(page);
  await page.getByTestId('new-event').click();
  await page.getByTestId('event-activity').selectOption('qm2021-a01');
  await page.getByTestId('event-place').fill('中山公园广场');
  await page.getByTestId('event-video-files').fill('VID_0915_01.mp4\nVID_0915_02.mp4');
  await page.getByTestId('save-event').click();
  await expect(page.getByTestId('event-row')).toHaveCount(1);

  const jpg = await makeImage(page, 1280, 960, 'image/jpeg');
  const second = await makeImage(page, 1024, 768, 'image/jpeg');
  const png = await makeImage(page, 800, 600, 'image/png');
  await page.getByTestId('open-photos').click();
  await page.getByTestId('photo-input').setInputFiles([
    { name: '宣传现场.jpg', mimeType: 'image/jpeg', buffer: jpg },
    { name: '合影.jpg', mimeType: 'image/jpeg', buffer: second },
    { name: '签到台.png', mimeType: 'image/png', buffer: png },
  ]);
  const rows = page.getByTestId('photo-row');
  await expect(rows).toHaveCount(3);
  const photo = rows.filter({ hasText: '宣传现场.jpg' });
  await photo.getByTestId('photo-caption').fill(CAPTION);
  await photo.getByTestId('photo-caption').press('Tab');
  // A caption being typed survives another photo's save (the list is not rebuilt under it).
  const group = rows.filter({ hasText: '合影.jpg' });
  await group.getByTestId('photo-caption').fill('=1+1');
  await photo.getByTestId('photo-select').check();
  await expect(page.getByTestId('photo-selection-status')).toHaveText('计量所已选送 1 张照片。');
  await expect(group.getByTestId('photo-caption')).toHaveValue('=1+1');
  await group.getByTestId('photo-caption').press('Tab');
  await expect
    .poll(() => page.evaluate(() => new Promise((resolve) => {
      const open = indexedDB.open('field-ledger');
      open.onsuccess = () => {
        const request = open.result.transaction('photos').objectStore('photos').getAll();
        request.onsuccess = () => { open.result.close(); resolve(request.result.map((json) => JSON.parse(json).caption).sort()); };
      };
    })))
    .toEqual(['', '=1+1', CAPTION]);

  // The report pack: report, tables, the selected photo, captions, videos, manifest.
  const report = await download(page, 'export-report-pack', folder);
  expect(report.name).toBe('质量月2021_计量所_平板3_2021-09-15_report-pack.zip');
  await expect(page.getByTestId('export-outcome')).toContainText('含照片 1 张。');
  await screenshot(page, 'export-report-pack-zh-CN-1024x768');
  const out = join(folder, 'report');
  const unpacked = unpack(report.path, out);
  expect(unpacked.bad, 'every CRC checks').toBeNull();
  expect(unpacked.stored).toBe(true);
  const photoName = '计量所_计量便民服务日_1.jpg';
  expect(unpacked.names).toEqual([
    '质量月2021_计量所_平板3_2021-09-15_report.json',
    '质量月2021_计量所_平板3_2021-09-15_events.csv',
    '质量月2021_计量所_平板3_2021-09-15_roster.csv',
    '质量月2021_计量所_平板3_2021-09-15_summary.csv',
    photoName,
    'captions.csv',
    'videos.csv',
    'pack.json',
  ]);
  expect(unpacked.utf8[4], 'Chinese names flagged UTF-8').toBe(true);
  expect(readFileSync(join(out, photoName)).equals(jpg), 'the photo byte for byte').toBe(true);
  expect(csvRows(join(out, 'captions.csv'))).toEqual([
    ['文件', '单位', '活动', '照片说明', '宽（像素）', '高（像素）'],
    [photoName, '计量所', '计量便民服务日', CAPTION, '1280', '960'],
  ]);
  expect(csvRows(join(out, 'videos.csv'))).toEqual([
    ['单位', '活动', '活动日期', '地点或平台', '视频数量', '视频文件名'],
    ['计量所', '计量便民服务日', '2021-09-15', '中山公园广场', '2', 'VID_0915_01.mp4；VID_0915_02.mp4'],
  ]);
  const exported = JSON.parse(readFileSync(join(out, unpacked.names[0]), 'utf8'));
  expect(exported.events[0]).toMatchObject({ video_count: 2, video_files: ['VID_0915_01.mp4', 'VID_0915_02.mp4'] });
  const manifest = JSON.parse(readFileSync(join(out, 'pack.json'), 'utf8'));
  // Every photo record travels (so a deselection reaches the Quality Section); only the packed
  // one with its image.
  expect(manifest.photos.map((p) => [p.file, p.record.file_name]).sort()).toEqual([
    ['', '合影.jpg'],
    ['', '签到台.png'],
    [photoName, '宣传现场.jpg'],
  ]);

  // The backup pack: every photo, for a replacement tablet; a formula-like caption stays text.
  const backup = await download(page, 'export-backup-pack', folder);
  await expect(page.getByTestId('export-outcome')).toContainText('含照片 3 张。');
  const backupOut = join(folder, 'backup');
  const all = unpack(backup.path, backupOut);
  expect(all.bad).toBeNull();
  // Numbered 1–3 per unit and activity (the photos share one attach time here, so which of the
  // other two is 2 and which 3 follows their IDs); the PNG keeps its own extension.
  const images = all.names.filter((n) => /\.(jpg|png)$/.test(n));
  expect(images.map((n) => n.replace(/\.(jpg|png)$/, '')).sort()).toEqual([1, 2, 3].map((n) => `计量所_计量便民服务日_${n}`));
  const backupManifest = JSON.parse(readFileSync(join(backupOut, 'pack.json'), 'utf8'));
  for (const [name, bytes] of [['宣传现场.jpg', jpg], ['合影.jpg', second], ['签到台.png', png]]) {
    const packed = backupManifest.photos.find((p) => p.record.file_name === name);
    expect(readFileSync(join(backupOut, packed.file)).equals(bytes), `${name} byte for byte`).toBe(true);
  }
  expect(images.filter((n) => n.endsWith('.png'))).toHaveLength(1);
  const backupCaptions = csvRows(join(backupOut, 'captions.csv'));
  expect(backupCaptions.find((row) => row[3].includes('=1+1'))[3], 'a caption cannot run as a formula').toBe("'=1+1");

  // The Quality Section's device, a fresh profile, imports the report pack.
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const quality = await context.newPage();
  await seedDevice(quality, QUALITY);
  await openHome(quality);
  await importPack(quality, report.path);
  await expect(quality.getByTestId('tally-events').getByTestId('tally-new')).toHaveText('1');
  const photosTally = quality.getByTestId('tally-photos');
  await expect(photosTally.getByTestId('tally-new')).toHaveText('1');
  await expect(photosTally.getByTestId('tally-unchanged'), 'unselected photos travel as records only and are not counted').toHaveText('0');
  await screenshot(quality, 'import-report-pack-zh-CN-1024x768');
  await quality.getByTestId('import-confirm').click();
  await expect(quality.getByTestId('import-outcome')).toContainText('已导入');
  await quality.getByTestId('nav-home').click();
  await quality.getByTestId('open-photos').click();
  const arrived = quality.getByTestId('photo-row');
  await expect(arrived).toHaveCount(1);
  await expect(arrived.getByTestId('photo-caption')).toHaveValue(CAPTION);
  await expect(arrived.getByTestId('photo-select')).toBeChecked();
  await expect(arrived).toContainText('1280×960');
  await expect(arrived.getByTestId('photo-ok')).toBeVisible();
  await expect(arrived.locator('img')).toHaveJSProperty('complete', true);
  expect(await arrived.locator('img').evaluate((img) => img.naturalWidth)).toBe(320);
  await screenshot(quality, 'photos-imported-zh-CN-1024x768');
  await quality.reload();
  await expect(arrived.getByTestId('photo-caption')).toHaveValue(CAPTION);

  // The same pack again changes nothing; a pack with a damaged photo is refused by name.
  await importPack(quality, report.path);
  await expect(quality.getByTestId('import-preview')).toContainText('已接收过');
  const damaged = readFileSync(report.path);
  const at = damaged.indexOf(jpg.subarray(2000, 2016));
  damaged[at] ^= 0xff;
  await quality.getByTestId('import-files').setInputFiles({ name: '损坏的报送包.zip', mimeType: 'application/zip', buffer: damaged });
  await expect(quality.getByTestId('import-error')).toHaveText(`「损坏的报送包.zip」：报送包中的照片「${photoName}」缺失或已损坏。`);

  // Undo takes the photo away with the event.
  await quality.getByTestId('import-undo').click();
  await expect(quality.getByTestId('import-outcome')).toContainText('已撤销');
  await quality.getByTestId('nav-device').click();
  await expect(quality.getByTestId('stored-photos')).toHaveText('照片 0 张，共 0.0 MB');

  // Imported again, then the received pack removed: its event and photo go with it.
  await importPack(quality, report.path);
  await quality.getByTestId('import-confirm').click();
  await expect(quality.getByTestId('import-outcome')).toContainText('已导入');
  await quality.getByTestId('nav-device').click();
  await expect(quality.getByTestId('stored-photos')).toContainText('照片 1 张');
  await quality.goto('/#/import/received');
  await quality.getByTestId('received-file-row').getByTestId('received-remove').click();
  await quality.getByTestId('received-remove-confirm').click();
  await expect(quality.getByTestId('received-outcome')).toContainText(report.name);
  await quality.getByTestId('nav-device').click();
  await expect(quality.getByTestId('stored-photos')).toHaveText('照片 0 张，共 0.0 MB');
  await context.close();

  // A replacement tablet restores everything from the backup pack.
  const spare = await browser.newContext({ viewport: { width: 768, height: 1024 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const tablet = await spare.newPage();
  await seedDevice(tablet);
  await openHome(tablet);
  await importPack(tablet, backup.path);
  await expect(tablet.getByTestId('tally-photos').getByTestId('tally-new')).toHaveText('3');
  await tablet.getByTestId('import-confirm').click();
  await expect(tablet.getByTestId('import-outcome')).toContainText('已导入');
  await tablet.getByTestId('nav-home').click();
  await tablet.getByTestId('open-photos').click();
  await expect(tablet.getByTestId('photo-row')).toHaveCount(3);
  await expect(tablet.getByTestId('photo-row').filter({ hasText: '合影.jpg' }).getByTestId('photo-caption')).toHaveValue('=1+1');
  await screenshot(tablet, 'photos-restored-zh-CN-768x1024');
  await spare.close();
  expect(readdirSync(folder).length).toBe(4);
});
