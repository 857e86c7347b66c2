// Persistent storage is asked for at a good moment, never at start-up: every start only reads
// `persisted()` and shows it; `persist()` follows a user's action (the first saved event since
// the start, or the device page's button). Firefox answers persist() with a permission prompt,
// so asking at start would prompt at every start (the cross-engine tier checks Firefox too).
import { test, expect, seedDevice, openHome, recordEvent } from './app-fixture.mjs';

/** Counts navigator.storage.persist() calls over reloads (sessionStorage survives them), and
 * makes the browser's answer `answer` (`null`: never answered, as a dismissed Firefox prompt). */
async function countPersistCalls(page, answer) {
  await page.addInitScript((answer) => {
    navigator.storage.persisted = async () => sessionStorage.getItem('test.persist-granted') === 'yes';
    navigator.storage.persist = () => {
      sessionStorage.setItem('test.persist-calls', String(Number(sessionStorage.getItem('test.persist-calls') ?? 0) + 1));
      if (answer === null) return new Promise(() => {});
      if (answer) sessionStorage.setItem('test.persist-granted', 'yes');
      return Promise.resolve(answer);
    };
  }, answer);
}

const persistCalls = (page) => page.evaluate(() => Number(sessionStorage.getItem('test.persist-calls') ?? 0));

test('no persist() over five starts; one after the first saved event; the device page shows the state', async ({ page }) => {
  await seedDevice(page);
  await countPersistCalls(page, false);
  await openHome(page);
  for (let start = 2; start <= 5; start++) {
    await page.reload();
    await expect(page.getByTestId('home-page')).toBeVisible();
  }
  expect(await persistCalls(page), 'calls over five starts').toBe(0);

  await page.getByTestId('nav-device').click();
  await expect(page.getByTestId('storage-persisted')).toHaveAttribute('data-persisted', 'false');
  await expect(page.getByTestId('storage-persisted')).toContainText('浏览器未同意持久保存');
  expect(await persistCalls(page), 'opening the device page asks nothing').toBe(0);

  await page.getByTestId('nav-home').click();
  await recordEvent(page, '第一次保存的活动');
  expect(await persistCalls(page), 'after the first saved event').toBe(1);
  await recordEvent(page, '第二次保存的活动');
  expect(await persistCalls(page), 'not again with every event of the same start').toBe(1);
});

test('the device page’s button asks, and shows the browser’s yes', async ({ page }) => {
  await seedDevice(page);
  await countPersistCalls(page, true);
  await openHome(page);
  await page.getByTestId('nav-device').click();
  await expect(page.getByTestId('storage-persisted')).toHaveAttribute('data-persisted', 'false');
  expect(await persistCalls(page)).toBe(0);

  await page.getByTestId('storage-persist').click();
  await expect(page.getByTestId('storage-persisted')).toHaveAttribute('data-persisted', 'true');
  await expect(page.getByTestId('storage-persisted')).toContainText('浏览器已同意持久保存');
  await expect(page.getByTestId('storage-persist')).toHaveCount(0);
  expect(await persistCalls(page)).toBe(1);

  // Persistent now: a saved event asks nothing more.
  await page.getByTestId('nav-home').click();
  await recordEvent(page, '持久保存后的活动');
  expect(await persistCalls(page)).toBe(1);
});

test('a request left unanswered (Firefox’s prompt dismissed) can be asked again with a tap', async ({ page }) => {
  await seedDevice(page);
  await countPersistCalls(page, null);
  await openHome(page);
  await page.getByTestId('nav-device').click();
  await page.getByTestId('storage-persist').click();
  await expect(page.getByTestId('storage-persist-asking')).toBeVisible();
  await page.getByTestId('storage-persist').click();
  expect(await persistCalls(page)).toBe(2);
  // Saving an event while a request waits asks nothing more.
  await page.getByTestId('nav-home').click();
  await recordEvent(page, '等待答复时保存的活动');
  expect(await persistCalls(page)).toBe(2);
});
