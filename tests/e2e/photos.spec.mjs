// Photos: a generated 1280×960 JPG meets the report rule, an 800×600 PNG is flagged with the
// reason; a 51-character Chinese caption is refused; photos, captions and the selection survive a
// reload; the images sit in IndexedDB as blobs, never inside records or in localStorage.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, seedDevice, openHome, recordEvent, screenshot, makeImage } from './app-fixture.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));

/** Every value of an IndexedDB store of the app, and whether each is a Blob. */
async function storeValues(page, store) {
  return page.evaluate(
    (store) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('field-ledger');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result.map((value) => (value instanceof Blob ? { blob: value.type, size: value.size } : value)));
          };
        };
      }),
    store,
  );
}

test('photos are checked against the report rule, captioned, selected and kept', async ({ page }) => {
  await seedDevice(page);
  await openHome(page);
  await recordEvent(page, '中山公园广场');
  const jpg = await makeImage(page, 1280, 960, 'image/jpeg');
  const png = await makeImage(page, 800, 600, 'image/png');
  await page.getByTestId('event-row').getByTestId('open-photos').click();
  await expect(page.getByTestId('photos-page')).toBeVisible();
  await expect(page.getByTestId('photo-camera')).toHaveAttribute('capture', 'environment');
  await page.getByTestId('photo-input').setInputFiles([
    { name: '宣传现场.jpg', mimeType: 'image/jpeg', buffer: jpg },
    { name: '签到台.png', mimeType: 'image/png', buffer: png },
  ]);
  const rows = page.getByTestId('photo-row');
  await expect(rows).toHaveCount(2);
  const photo = rows.filter({ hasText: '宣传现场.jpg' });
  const other = rows.filter({ hasText: '签到台.png' });
  await expect(photo.getByTestId('photo-ok')).toHaveText('符合上报要求');
  await expect(photo).toContainText('1280×960');
  await expect(photo.getByTestId('photo-problem')).toHaveCount(0);
  await expect(other.getByTestId('photo-problem')).toHaveText('不是 JPG 格式，上报照片须为 JPG；尺寸 800×600，小于 1024×768 像素');
  await expect(photo.locator('img')).toHaveJSProperty('complete', true);

  // 51 Chinese characters: counted as 51, refused, not stored.
  const tooLong = '质'.repeat(51);
  await photo.getByTestId('photo-caption').fill(tooLong);
  await expect(photo.getByTestId('photo-caption-count')).toContainText('51/50');
  await photo.getByTestId('photo-caption').press('Tab');
  await expect(photo.getByTestId('photo-caption-error')).toHaveText('照片说明最多 50 个字');
  const caption = '质量月计量便民服务日现场，市民排队检测血压计';
  await photo.getByTestId('photo-caption').fill(caption);
  await photo.getByTestId('photo-caption').press('Tab');
  await expect(photo.getByTestId('photo-caption-error')).toHaveCount(0);
  await expect(page.getByTestId('photo-selection-status')).toHaveText('计量所还没有选送照片：请选送 1–2 张符合要求的照片。');
  await photo.getByTestId('photo-select').check();
  await expect(page.getByTestId('photo-selection-status')).toHaveText('计量所已选送 1 张照片。');
  await expect
    .poll(async () => (await storeValues(page, 'photos')).map((json) => JSON.parse(json)).find((p) => p.file_name === '宣传现场.jpg'))
    .toMatchObject({ caption, selected: true, width: 1280, height: 960, media_type: 'image/jpeg' });
  await screenshot(page, 'photos-zh-CN-1024x768');

  // Stored as blobs beside small records; nothing in localStorage.
  const blobs = await storeValues(page, 'photo_blobs');
  expect(blobs.map((b) => b.blob).sort()).toEqual(['image/jpeg', 'image/png']);
  expect(blobs.find((b) => b.blob === 'image/jpeg').size).toBe(jpg.length);
  const records = await storeValues(page, 'photos');
  expect(records.every((json) => json.length < 1000), 'no image inside a record').toBe(true);
  const local = await page.evaluate(() => Object.values(localStorage).join('').length);
  expect(local).toBeLessThan(5000);

  await page.reload();
  await expect(rows).toHaveCount(2);
  await expect(photo.getByTestId('photo-caption')).toHaveValue(caption);
  await expect(photo.getByTestId('photo-select')).toBeChecked();
  await expect(other.getByTestId('photo-select')).not.toBeChecked();
  // Two selected: still the 1–2 the plan asks for.
  await other.getByTestId('photo-select').check();
  await expect(page.getByTestId('photo-selection-status')).toHaveText('计量所已选送 2 张照片。');
  await expect(photo.locator('img')).toHaveJSProperty('complete', true);
  expect(await photo.locator('img').evaluate((img) => img.naturalWidth)).toBe(320);

  // The device page counts the photos with the rest of what is stored.
  const kb = (bytes) => (bytes / 1048576).toFixed(1);
  await page.getByTestId('nav-device').click();
  await expect(page.getByTestId('stored-photos')).toHaveText(`照片 2 张，共 ${kb(jpg.length + png.length)} MB`);
  await page.goBack();

  // Deleting a photo removes its image too.
  await other.getByTestId('photo-delete').click();
  await expect(rows).toHaveCount(1);
  await expect.poll(async () => (await storeValues(page, 'photo_blobs')).length).toBe(1);
});

test('very large photos are shrunk to the chosen long side, and kept whole when asked', async ({ page }) => {
  await seedDevice(page);
  await openHome(page);
  await recordEvent(page, '中山公园广场');
  const big = await makeImage(page, 4000, 3000, 'image/jpeg');
  await page.getByTestId('open-photos').click();
  await expect(page.getByTestId('photo-long-side')).toHaveValue('2560');
  await page.getByTestId('photo-input').setInputFiles([{ name: '大图.jpg', mimeType: 'image/jpeg', buffer: big }]);
  const shrunk = page.getByTestId('photo-row').filter({ hasText: '大图.jpg' });
  await expect(shrunk).toContainText('2560×1920');
  await expect(shrunk.getByTestId('photo-ok')).toBeVisible();
  const [stored] = await storeValues(page, 'photo_blobs');
  expect(stored.blob).toBe('image/jpeg');
  expect(stored.size).toBeLessThan(big.length);

  await page.getByTestId('photo-long-side').selectOption('0');
  await page.getByTestId('photo-input').setInputFiles([{ name: '原图.jpg', mimeType: 'image/jpeg', buffer: big }]);
  await expect(page.getByTestId('photo-row').filter({ hasText: '原图.jpg' })).toContainText('4000×3000');
  await expect.poll(async () => (await storeValues(page, 'photo_blobs')).map((b) => b.size).sort((a, b) => a - b).at(-1)).toBe(big.length);
  await page.reload();
  await expect(page.getByTestId('photo-long-side')).toHaveValue('0');
});

test('deleting an event with photos asks what becomes of them', async ({ page }, testInfo) => {
  await seedDevice(page);
  await openHome(page);
  await recordEvent(page, '中山公园广场');
  const jpg = await makeImage(page, 1280, 960, 'image/jpeg');
  await page.getByTestId('open-photos').click();
  await page.getByTestId('photo-input').setInputFiles([{ name: '现场.jpg', mimeType: 'image/jpeg', buffer: jpg }]);
  await expect(page.getByTestId('photo-row')).toHaveCount(1);
  await page.getByTestId('nav-home').click();

  // Asked; cancelling changes nothing.
  await page.getByTestId('delete-event').click();
  const question = page.getByTestId('delete-event-question');
  await expect(question).toContainText('这条活动有 1 张照片。照片也要删除吗？');
  await screenshot(page, 'delete-event-with-photos-zh-CN-1024x768');
  await question.getByTestId('delete-event-cancel').click();
  await expect(question).toHaveCount(0);
  await expect(page.getByTestId('event-row')).toHaveCount(1);

  // The photos can be downloaded first: one ZIP with their images and captions.
  await page.getByTestId('delete-event').click();
  const [zip] = await Promise.all([page.waitForEvent('download'), question.getByTestId('delete-event-download-photos').click()]);
  expect(zip.suggestedFilename()).toBe('质量月2021_计量所_计量便民服务日_2021-09-15_photos.zip');
  const saved = testInfo.outputPath(zip.suggestedFilename());
  await zip.saveAs(saved);
  const listed = JSON.parse(execFileSync('python3', [join(HERE, 'unpack.py'), saved, testInfo.outputPath('unpacked')], { encoding: 'utf8' }));
  expect(listed.bad).toBeNull();
  expect(listed.names).toEqual(['计量所_计量便民服务日_1.jpg', 'captions.csv']);
  expect(readFileSync(testInfo.outputPath('unpacked', '计量所_计量便民服务日_1.jpg')).equals(jpg)).toBe(true);
  await expect(question, 'still asked after the download').toBeVisible();

  // Deleting them too removes their images, with the event.
  await question.getByTestId('delete-event-with-photos').click();
  await expect(page.getByTestId('event-row')).toHaveCount(0);
  await expect.poll(async () => (await storeValues(page, 'photo_blobs')).length).toBe(0);
  const records = (await storeValues(page, 'photos')).map((json) => JSON.parse(json));
  expect(records.map((p) => p.deleted)).toEqual([true]);
});
