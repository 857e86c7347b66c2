// The first screen: the campaign overview, in Chinese by default, English on request.
import { test, expect, openApp } from './app-fixture.mjs';

test('the release build mounts under a strict CSP and shows the 19 activities in Chinese', async ({ page }) => {
  await openApp(page, '2021-10-05T10:00:00+08:00');

  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain("'unsafe-eval'");

  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page).toHaveTitle('活动台账');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('河北区市场监管局开展2021年“质量月”活动方案');
  await expect(page.getByText('深入实施质量提升行动 大力推进质量强国建设')).toBeVisible();
  await expect(page.getByText('2021年9月1日至9月30日')).toBeVisible();
  await expect(page.getByText('津北市场监管〔2021〕118号')).toBeVisible();

  const cards = page.getByTestId('activity-card');
  await expect(cards).toHaveCount(19);
  const first = cards.first();
  await expect(first.getByRole('heading')).toHaveText('计量便民服务日');
  await expect(first.getByTestId('lead-units')).toHaveText('计量标准化科、计量所');
  await expect(first).toContainText('2021年9月15日');
  await expect(first).toContainText('质量强企惠民');
  await expect(cards.nth(16).getByTestId('lead-units')).toHaveText('食品科、质量科、各市场监管所');
  await expect(cards.last().getByRole('heading')).toHaveText('电子显示屏宣传活动口号');

  const deadline = page.getByTestId('deadline-figure');
  await expect(deadline).toContainText('10');
  await expect(deadline).toContainText('天后截止');
  await expect(page.getByTestId('activities-figure')).toContainText('19');
});

test('the plan text of an activity opens in place', async ({ page }) => {
  await openApp(page);
  const first = page.getByTestId('activity-card').first();
  const planText = first.getByText('现场为群众免费检测调试血压计', { exact: false });
  await expect(planText).toBeHidden();
  await first.getByText('方案原文').click();
  await expect(planText).toBeVisible();
});

test('after the deadline the overview says how many days ago it passed', async ({ page }) => {
  await openApp(page, '2026-11-24T10:00:00+08:00');
  const deadline = page.getByTestId('deadline-figure');
  await expect(deadline).toContainText('1866');
  await expect(deadline).toContainText('天前已截止');
  await expect(deadline.locator('.visually-hidden')).toHaveText('已于 1866 天前截止');
});

test('a tablet left open past midnight counts the new day', async ({ page }) => {
  await page.clock.install({ time: new Date('2021-10-14T23:59:00+08:00') });
  await page.goto('/#/overview');
  const deadline = page.getByTestId('deadline-figure');
  await expect(deadline.locator('.visually-hidden')).toHaveText('距截止还有 1 天');
  await page.clock.fastForward('02:00');
  await expect(deadline.locator('.visually-hidden')).toHaveText('今天截止');
});

test.describe('on a tablet set to another time zone', () => {
  test.use({ timezoneId: 'America/Los_Angeles' });

  test('days are counted in China Standard Time', async ({ page }) => {
    // 16:30 UTC on 14 Oct: still the 14th in Los Angeles, already the 15th (deadline day) in China.
    await openApp(page, '2021-10-14T16:30:00Z');
    await expect(page.getByTestId('deadline-figure')).toContainText('今天截止');
  });
});

test('English is one tap away and is remembered across reloads', async ({ page }) => {
  await openApp(page);
  const toggle = page.getByTestId('language-switch');
  await expect(toggle).toHaveText('English');
  await toggle.click();

  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByText('Field Ledger', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('2021 Quality Month activity plan');
  const first = page.getByTestId('activity-card').first();
  await expect(first.getByRole('heading')).toHaveText('Metrology service day');
  await expect(first.getByTestId('lead-units')).toHaveText(
    'Metrology & Standardization Section, District Metrology Institute',
  );
  await expect(first).toContainText('15 Sep 2021');
  await expect(page.getByTestId('deadline-figure')).toContainText('days left');
  await expect(toggle).toHaveText('中文');

  await page.reload();
  await expect(page.getByTestId('overview-page')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('2021 Quality Month activity plan');
  expect(await page.evaluate(() => localStorage.getItem('field-ledger.v1.language'))).toBe('"en"');

  await toggle.click();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('河北区市场监管局开展2021年“质量月”活动方案');
});

test('a storage failure is shown to the user in words', async ({ page }) => {
  // Simulate a full origin quota: every write throws QuotaExceededError, as Chromium does.
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await openApp(page);
  await page.getByTestId('language-switch').click();
  const notice = page.getByTestId('save-error');
  await expect(notice).toBeVisible();
  await expect(notice).toHaveRole('alert');
  // The interface switched (so the message is in English), but says the choice was not saved.
  await expect(notice).toContainText('Browser storage is full, so the change was not saved.');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toBeHidden();
});

test('every action of the overview works from the keyboard: Enter and Space', async ({ page }) => {
  await openApp(page);
  const toggle = page.getByTestId('language-switch');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.keyboard.press('Space');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  const first = page.getByTestId('activity-card').first();
  const planText = first.getByText('现场为群众免费检测调试血压计', { exact: false });
  await first.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(planText).toBeVisible();
  await page.keyboard.press('Space');
  await expect(planText).toBeHidden();
});
