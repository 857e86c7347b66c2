// Attendance at the door: the one-tap head counter and the named sign-in roster.
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
  storedRoster,
  screenshot,
} from './app-fixture.mjs';

async function signIn(page, name, phone = '') {
  await page.getByTestId('roster-name').fill(name);
  if (phone) await page.getByTestId('roster-phone').fill(phone);
  await page.getByTestId('roster-name').press('Enter');
  await expect(page.getByTestId('roster-row').filter({ hasText: name }).first()).toBeVisible();
  await expect(page.getByTestId('roster-name')).toHaveValue('');
}

test('37 taps and 3 sign-ins make 40 person-times, after a reload and a browser restart', async ({}, testInfo) => {
  const profile = mkdtempSync(join(tmpdir(), 'field-ledger-profile-'));
  try {
    let { context, page } = await openProfile(testInfo, profile);
    await seedDevice(page);
    await openHome(page);
    await recordEvent(page, '中山公园广场');
    await page.getByTestId('open-attendance').click();
    await page.getByTestId('open-counter').click();
    const plus = page.getByTestId('counter-plus');
    for (let tap = 0; tap < 37; tap++) await plus.click();
    await expect(page.getByTestId('head-count')).toHaveText('37');
    await expect(page.getByTestId('counter-status')).toHaveAttribute('data-saved', 'true');
    await screenshot(page, 'counter-zh-CN-1024x768');
    expect((await storedEvents(page))[0].head_count).toBe(37);

    await page.getByTestId('close-counter').click();
    await signIn(page, '李明', '13812345678');
    await signIn(page, '张华');
    await signIn(page, '王丽');
    await expect(page.getByTestId('attendance-total')).toHaveText('40 人次');
    await expect(page.getByTestId('attendance-breakdown')).toHaveText('= 37 计数 + 3 签到');
    await screenshot(page, 'attendance-zh-CN-1024x768');

    await page.getByTestId('nav-home').click();
    await expect(page.getByTestId('event-row')).toContainText('40 人次');
    await page.reload();
    await expect(page.getByTestId('event-row')).toContainText('40 人次');
    await context.close();

    ({ context, page } = await openProfile(testInfo, profile));
    await page.goto('/');
    await expect(page.getByTestId('event-row')).toContainText('40 人次');
    await context.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test('a negative typed head count is refused; phones never appear unmasked', async ({ page }) => {
  await seedDevice(page);
  await openHome(page);
  await recordEvent(page);
  await page.getByTestId('open-attendance').click();

  await page.getByTestId('head-count-input').fill('-5');
  await page.getByTestId('set-head-count').click();
  await expect(page.locator('[data-testid=field-error][data-field=head-count]')).toContainText('须为 0 或正整数');
  expect((await storedEvents(page))[0]).toMatchObject({ head_count: 0, revision: 1 });

  await page.getByTestId('head-count-input').fill('1200');
  await page.getByTestId('set-head-count').click();
  await expect(page.getByTestId('attendance-total')).toHaveText('1200 人次');

  await signIn(page, '李明', '138 1234 5678');
  await expect(page.getByTestId('roster-row')).toContainText('138****5678');
  expect(await page.locator('body').innerText()).not.toContain('12345678');
  await page.reload();
  await expect(page.getByTestId('roster-row')).toContainText('138****5678');
  expect(await page.locator('body').innerText()).not.toContain('12345678');
  const [entry] = await storedRoster(page);
  expect(entry.phone).toBe('13812345678');
});

test('a repeated name is signed in only when confirmed; a removal leaves a tombstone', async ({ page }) => {
  await seedDevice(page);
  await openHome(page);
  await recordEvent(page);
  await page.getByTestId('open-attendance').click();
  await signIn(page, '张华');

  await page.getByTestId('roster-name').fill('张华');
  await page.getByTestId('roster-add').click();
  await expect(page.getByTestId('field-warning')).toContainText('名单中已有同名人员');
  await expect(page.getByTestId('roster-row')).toHaveCount(1);
  await page.getByTestId('roster-add').click();
  await expect(page.getByTestId('roster-row')).toHaveCount(2);
  await expect(page.getByTestId('attendance-total')).toHaveText('2 人次');

  await page.getByTestId('roster-remove').first().click();
  await expect(page.getByTestId('roster-row')).toHaveCount(1);
  await expect(page.getByTestId('attendance-total')).toHaveText('1 人次');
  const stored = await storedRoster(page);
  const removed = stored.filter((e) => e.deleted);
  expect(removed).toHaveLength(1);
  expect(removed[0].revision).toBe(2);
  // Both in the event's one page; the event's stored count is the live one.
  expect(removed[0].key).toMatch(/^[0-9a-f-]{36}\/000000$/);
  expect(stored.filter((e) => !e.deleted)[0].key).toBe(removed[0].key);
  expect(removed[0].liveCount).toBe(1);
});

test('a long sign-in list shows the newest 50, and earlier ones on request', async ({ page }) => {
  test.setTimeout(120_000);
  await seedDevice(page);
  await openHome(page);
  await recordEvent(page);
  await page.getByTestId('open-attendance').click();
  // The clock is fixed, so all sign in at the same instant: the list's order among them is by
  // ID, and a new one may land beyond the 50 listed. Each is saved once the field is cleared.
  for (let n = 1; n <= 55; n++) {
    await page.getByTestId('roster-name').fill(`居民${n}`);
    await page.getByTestId('roster-name').press('Enter');
    await expect(page.getByTestId('roster-name')).toHaveValue('');
  }
  await expect(page.getByTestId('attendance-total')).toHaveText('55 人次');
  await expect(page.getByTestId('roster-row')).toHaveCount(50);
  await expect(page.getByTestId('roster-show-earlier')).toHaveText('显示更早的签到（还有 5 人）');
  await page.getByTestId('roster-show-earlier').scrollIntoViewIfNeeded();
  await screenshot(page, 'attendance-show-earlier-zh-CN-1024x768');
  await page.getByTestId('roster-show-earlier').click();
  await expect(page.getByTestId('roster-row')).toHaveCount(55);
  await expect(page.getByTestId('roster-show-earlier')).toHaveCount(0);
  // Read back from storage: the same, in the same order.
  const listed = await page.getByTestId('roster-row').locator('.roster-name').allTextContents();
  await page.reload();
  await expect(page.getByTestId('roster-row')).toHaveCount(50);
  expect(await page.getByTestId('roster-row').locator('.roster-name').allTextContents()).toEqual(listed.slice(0, 50));
  await expect(page.getByTestId('roster-show-earlier')).toHaveText('显示更早的签到（还有 5 人）');
});

test('the counter counts down for mistakes but never below zero', async ({ page }) => {
  await seedDevice(page);
  await openHome(page);
  await recordEvent(page);
  await page.getByTestId('open-attendance').click();
  await page.getByTestId('open-counter').click();
  await page.getByTestId('counter-plus').click();
  await page.getByTestId('counter-plus').click();
  await page.getByTestId('counter-minus').click();
  await page.getByTestId('counter-minus').click();
  await page.getByTestId('counter-minus').click();
  await expect(page.getByTestId('head-count')).toHaveText('0');
  await expect(page.getByTestId('counter-status')).toHaveAttribute('data-saved', 'true');
  expect((await storedEvents(page))[0].head_count).toBe(0);
});

test('purging personal data removes names and phones, keeps the counts, as new revisions', async ({ page }) => {
  await seedDevice(page);
  await openHome(page);
  await recordEvent(page);
  await page.getByTestId('open-attendance').click();
  await signIn(page, '李明', '13812345678');
  await signIn(page, '张华', '022-26281234');

  await page.getByTestId('nav-device').click();
  await page.getByTestId('purge-personal-data').click();
  await expect(page.getByRole('alert')).toContainText('所有签到人员的姓名、电话和单位，签到人次保留');
  await page.getByTestId('purge-confirm').click();
  await expect(page.getByTestId('purge-result')).toHaveText('已清除 2 人的个人信息。');

  const stored = await storedRoster(page);
  expect(stored).toHaveLength(2);
  for (const entry of stored) {
    expect(entry).toMatchObject({ name: '', phone: null, affiliation: null, purged: true, revision: 2, deleted: false });
  }
  await page.getByTestId('nav-home').click();
  await expect(page.getByTestId('event-row')).toContainText('2 人次');
  await page.getByTestId('open-attendance').click();
  await expect(page.getByTestId('roster-row')).toHaveCount(2);
  await expect(page.getByTestId('roster-row').first()).toContainText('个人信息已清除');
  expect(await page.locator('body').innerText()).not.toMatch(/李明|张华|2628/);
});
