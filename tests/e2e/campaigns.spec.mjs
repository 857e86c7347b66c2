// Campaigns: the 2021 plan copied to 2026, its period set, a 20th activity added and an event
// recorded under it; the 2026 statistics count it and list 20 activities, the 2021 statistics
// are unchanged; the 2026 plan exported and imported on a fresh profile is the same plan with the
// same IDs. A plan with a deadline before its period ends is refused with the reason.
import { readFileSync } from 'node:fs';
import { test, expect, seedDevice, openHome, recordEvent, screenshot, keyFigure } from './app-fixture.mjs';

const NOW = '2026-09-10T10:00:00+08:00';

async function statistics(page) {
  await page.getByTestId('nav-stats').click();
  return {
    events: await keyFigure(page, 'stat-events').textContent(),
    rows: await page.getByTestId('stats-activity-row').count(),
  };
}

test('a 2026 campaign copied from 2021, edited, recorded and shared', async ({ page, browser }, testInfo) => {
  await seedDevice(page);
  await openHome(page, NOW);
  // One event of the 2021 campaign (the built-in, active at first).
  await recordEvent(page, '中山公园广场');
  const before = await statistics(page);
  expect(before).toEqual({ events: '1', rows: 20 });

  // Copy the 2021 plan to 2026: the editor of the copy opens.
  await page.getByTestId('nav-campaigns').click();
  await expect(page.getByTestId('campaign-row')).toHaveCount(1);
  await page.getByTestId('campaign-copy').click();
  await expect(page.getByTestId('campaign-copy-year')).toHaveValue('2026');
  await page.getByTestId('campaign-copy-confirm').click();
  await expect(page.getByTestId('plan-editor-page')).toBeVisible();
  await expect(page.getByTestId('plan-title')).toHaveValue('河北区市场监管局开展2026年“质量月”活动方案');
  await expect(page.getByTestId('plan-period-start')).toHaveValue('2026-09-01');
  await expect(page.getByTestId('plan-deadline')).toHaveValue('2026-10-15');
  await expect(page.getByTestId('plan-document-number')).toHaveValue('');

  // A deadline before the period ends is refused with the reason; nothing is saved.
  await expect(page.getByTestId('plan-unsaved')).toHaveCount(0);
  await page.getByTestId('plan-deadline').fill('2026-09-20');
  await expect(page.getByTestId('plan-unsaved')).toBeVisible();
  await page.getByTestId('plan-save').click();
  await expect(page.getByTestId('plan-problem')).toHaveText(['总结报送截止日期不能早于活动结束日期。']);
  await page.getByTestId('plan-deadline').fill('2026-10-15');

  // The period as the new document sets it, and a 20th activity.
  await page.getByTestId('plan-period-start').fill('2026-09-01');
  await page.getByTestId('plan-period-end').fill('2026-09-30');
  await page.getByTestId('plan-document-number').fill('津北市场监管〔2026〕88号');
  await page.getByTestId('plan-activity-add').click();
  const activities = page.getByTestId('plan-activity');
  await expect(activities).toHaveCount(20);
  await expect(activities.last().getByTestId('plan-activity-title')).toBeFocused();
  await activities.last().getByTestId('plan-activity-title').fill('质量开放日');
  // A new unit and one figure of the new activity, typed key by key (the field keeps focus).
  await page.getByTestId('plan-unit-add').click();
  await page.getByTestId('plan-unit-name').last().pressSequentially('区消费者协会');
  await expect(page.getByTestId('plan-unit-name').last()).toHaveValue('区消费者协会');
  await activities.last().getByTestId('plan-counter-add').click();
  await activities.last().getByTestId('plan-counter-name').pressSequentially('开放企业');
  await activities.last().getByTestId('plan-counter-unit').pressSequentially('家');
  await expect(activities.last().getByTestId('plan-counter-name')).toHaveValue('开放企业');
  // Activity 2 is retired: kept, but no longer offered for new events.
  await activities.nth(1).getByTestId('plan-activity-retired').check();
  await screenshot(page, 'plan-editor-zh-CN-1024x768');
  await page.getByTestId('plan-save').click();
  await expect(page.getByTestId('plan-problem')).toHaveCount(0);
  await expect(page.getByTestId('plan-editor-page')).toBeVisible();
  await expect(page.getByTestId('plan-document-number')).toHaveValue('津北市场监管〔2026〕88号');
  await expect(page.getByTestId('plan-unsaved'), 'saved: nothing unsaved').toHaveCount(0);
  await expect(activities).toHaveCount(20);

  // An event under the 20th activity.
  await page.getByTestId('nav-home').click();
  await expect(page.getByTestId('event-row'), 'the 2021 event is not in the 2026 list').toHaveCount(0);
  await page.getByTestId('new-event').click();
  const offered = await page.getByTestId('event-activity').locator('option').allTextContents();
  expect(offered.some((o) => o.startsWith('2. ')), 'retired activity not offered').toBe(false);
  expect(offered.filter((o) => /^\d+\. /.test(o))).toHaveLength(19);
  await page.getByTestId('event-activity').selectOption({ label: '20. 质量开放日' });
  await page.getByTestId('event-place').fill('区市场监管局大厅');
  await page.getByTestId('event-extra-counter-1').fill('12');
  await page.getByTestId('save-event').click();
  await expect(page.getByTestId('event-row')).toHaveCount(1);
  // The 2026 report, to be imported on another device.
  await page.getByTestId('nav-export').click();
  const [report] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const reportPath = testInfo.outputPath(report.suggestedFilename());
  await report.saveAs(reportPath);
  expect(report.suggestedFilename()).toMatch(/^质量月2026_/);
  const after2026 = await statistics(page);
  expect(after2026).toEqual({ events: '1', rows: 21 });
  await expect(page.getByTestId('stats-activity-row').nth(19)).toContainText('质量开放日');
  expect(await page.getByTestId('stats-activity-row').nth(19).locator('td').first().textContent()).toBe('1');

  // The 2021 campaign is unchanged.
  await page.getByTestId('nav-campaigns').click();
  await expect(page.getByTestId('campaign-row')).toHaveCount(2);
  await screenshot(page, 'campaigns-zh-CN-1024x768');
  await page.getByTestId('campaign-row').filter({ hasText: '2021' }).getByTestId('campaign-activate').click();
  await expect(page.getByTestId('campaign-row').filter({ hasText: '2021' }).getByTestId('campaign-active')).toBeVisible();
  expect(await statistics(page)).toEqual(before);
  // The 2026 export was not this campaign's.
  await page.getByTestId('nav-export').click();
  await expect(page.getByTestId('export-status')).toHaveText('本平板还没有导出过本活动方案的记录，1 条活动记录待导出。');

  // Share the 2026 plan: exported, then imported on a fresh profile.
  await page.getByTestId('nav-campaigns').click();
  await page.getByTestId('campaign-row').filter({ hasText: '2026' }).getByTestId('campaign-activate').click();
  await page.getByTestId('campaign-edit').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('plan-export').click()]);
  expect(download.suggestedFilename()).toBe('质量月2026_plan.json');
  const planPath = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(planPath);
  const exported = JSON.parse(readFileSync(planPath, 'utf8'));
  expect(exported.id).toBe('quality-month-2026');
  expect(exported.activities).toHaveLength(20);

  const fresh = await browser.newContext({ viewport: { width: 768, height: 1024 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const other = await fresh.newPage();
  await seedDevice(other);
  await openHome(other, NOW);
  // A report of a campaign this device does not have brings the campaign with it.
  await other.getByTestId('nav-import').click();
  await other.getByTestId('import-files').setInputFiles(reportPath);
  await expect(other.getByTestId('import-preview')).toBeVisible();
  await other.getByTestId('import-confirm').click();
  await expect(other.getByTestId('import-outcome')).toContainText('已新增活动方案“河北区市场监管局开展2026年“质量月”活动方案”');
  await other.getByTestId('nav-stats').click();
  await expect(keyFigure(other, 'stat-events'), 'the 2021 statistics stay empty').toHaveText('0');
  await other.getByTestId('nav-campaigns').click();
  await expect(other.getByTestId('campaign-row')).toHaveCount(2);
  // A broken plan file is refused by name; nothing changes.
  await other.getByTestId('plan-import').setInputFiles({ name: '坏方案.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...exported, report_deadline: '2026-09-01' })) });
  await expect(other.getByTestId('plan-import-outcome')).toHaveText('「坏方案.json」：总结报送截止日期不能早于活动结束日期。');
  await expect(other.getByTestId('campaign-row')).toHaveCount(2);
  // The report brought this very plan already.
  await other.getByTestId('plan-import').setInputFiles(planPath);
  await expect(other.getByTestId('plan-import-outcome')).toContainText('本机已有内容完全相同的方案，未作更改');
  await expect(other.getByTestId('campaign-row')).toHaveCount(2);
  await other.getByTestId('campaign-row').filter({ hasText: '2026' }).getByTestId('campaign-activate').click();
  const imported = await statistics(other);
  expect(imported).toEqual({ events: '1', rows: 21 });
  await other.getByTestId('nav-campaigns').click();
  await other.getByTestId('campaign-edit').click();
  const [again] = await Promise.all([other.waitForEvent('download'), other.getByTestId('plan-export').click()]);
  const againPath = testInfo.outputPath('again.json');
  await again.saveAs(againPath);
  expect(JSON.parse(readFileSync(againPath, 'utf8')), 'the same plan, the same IDs').toEqual(exported);
  await screenshot(other, 'plan-editor-zh-CN-768x1024');
  await fresh.close();
});

test('a plan started by mistake can be deleted while no record names it', async ({ page }) => {
  await seedDevice(page);
  await openHome(page, NOW);
  await page.getByTestId('nav-campaigns').click();
  await page.getByTestId('campaign-new').click();
  await expect(page.getByTestId('plan-editor-page')).toBeVisible();
  await expect(page.getByTestId('plan-title')).toHaveValue('新活动方案');
  await expect(page.getByTestId('plan-period-start')).toHaveValue('2026-09-10');
  await page.getByTestId('nav-campaigns').click();
  const scratch = page.getByTestId('campaign-row').filter({ hasText: '新活动方案' });
  // The active plan cannot be deleted; switched away from, it can (two taps).
  await expect(scratch.getByTestId('campaign-delete')).toHaveCount(0);
  await page.getByTestId('campaign-row').filter({ hasText: '2021' }).getByTestId('campaign-activate').click();
  await expect(page.getByTestId('campaign-row').filter({ hasText: '2021' }).getByTestId('campaign-active')).toBeVisible();
  await scratch.getByTestId('campaign-delete').click();
  await expect(scratch.getByTestId('campaign-delete')).toHaveText('确认删除此方案');
  await scratch.getByTestId('campaign-delete').click();
  await expect(page.getByTestId('campaign-row')).toHaveCount(1);
  await page.reload();
  await expect(page.getByTestId('campaign-row')).toHaveCount(1);
  // The built-in plan never offers it.
  await expect(page.getByTestId('campaign-delete')).toHaveCount(0);
});

test('unsaved plan edits survive leaving the editor and a reload; a plan file asks before it replaces a plan', async ({ page }, testInfo) => {
  await seedDevice(page);
  await openHome(page, NOW);
  await page.getByTestId('nav-campaigns').click();
  await page.getByTestId('campaign-copy').click();
  await page.getByTestId('campaign-copy-confirm').click();
  await expect(page.getByTestId('plan-editor-page')).toBeVisible();

  // Typed, then another page opened and the app reloaded (the tablet switched off): kept.
  await page.getByTestId('plan-theme').fill('质量强国 标准引领');
  await expect(page.getByTestId('plan-unsaved')).toContainText('已暂存在本机');
  await page.getByTestId('nav-campaigns').click();
  const row2026 = page.getByTestId('campaign-row').filter({ hasText: '2026' });
  await expect(row2026.getByTestId('campaign-unsaved')).toHaveText('有未保存的修改');
  await page.reload();
  await page.getByTestId('campaign-edit').click();
  await expect(page.getByTestId('plan-draft-restored')).toContainText('已恢复上次未保存的修改');
  await expect(page.getByTestId('plan-theme')).toHaveValue('质量强国 标准引领');
  await page.getByTestId('plan-save').click();
  await expect(page.getByTestId('plan-theme')).toHaveValue('质量强国 标准引领');
  await expect(page.getByTestId('plan-unsaved')).toHaveCount(0);
  await expect(page.getByTestId('plan-draft-restored'), 'saved: nothing left to restore').toHaveCount(0);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('plan-export').click()]);
  const shared = JSON.parse(readFileSync(await download.path(), 'utf8'));

  // More edits left unsaved; then the plan files arrive.
  await page.getByTestId('plan-theme').fill('本机未保存的主题');
  await page.getByTestId('nav-campaigns').click();
  const planFile = (name, plan) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(plan)) });
  await page.getByTestId('plan-import').setInputFiles(planFile('同一方案.json', shared));
  await expect(page.getByTestId('plan-import-outcome')).toContainText('本机已有内容完全相同的方案，未作更改');
  const newer = { ...shared, document_number: '津北市场监管〔2026〕99号', activities: shared.activities.map((a, i) => (i === 1 ? { ...a, retired: true } : a)) };
  await page.getByTestId('plan-import').setInputFiles(planFile('新版方案.json', newer));
  const question = page.getByTestId('plan-replace-question');
  await expect(question).toContainText('本机已有“河北区市场监管局开展2026年“质量月”活动方案”（19 项活动、');
  await expect(question).toContainText('要用文件「新版方案.json」中的版本（18 项活动、');
  await expect(page.getByTestId('plan-replace-cancel'), 'in view, on the answer that changes nothing').toBeFocused();
  await screenshot(page, 'plan-replace-zh-CN-1024x768');
  // Kept: nothing changes.
  await page.getByTestId('plan-replace-cancel').click();
  await expect(question).toHaveCount(0);
  await page.reload();
  await page.getByTestId('campaign-edit').click();
  await expect(page.getByTestId('plan-document-number')).toHaveValue('');
  await page.getByTestId('nav-campaigns').click();
  // Replaced: the active plan is the file's now; the unsaved edits come back, flagged.
  await page.getByTestId('plan-import').setInputFiles(planFile('新版方案.json', newer));
  // The active plan changed: the app reloads with it.
  await Promise.all([page.waitForEvent('load'), page.getByTestId('plan-replace-confirm').click()]);
  await page.getByTestId('campaign-edit').click();
  await expect(page.getByTestId('plan-draft-restored')).toContainText('保存将以这些修改覆盖现在的方案');
  await expect(page.getByTestId('plan-theme')).toHaveValue('本机未保存的主题');
  await expect(page.getByTestId('plan-document-number'), 'the edits are of the plan before').toHaveValue('');
  await screenshot(page, 'plan-draft-restored-zh-CN-1024x768');
  // Thrown away: the plan as the file has it, and nothing kept any more.
  await page.getByTestId('plan-draft-discard').click();
  await expect(page.getByTestId('plan-document-number')).toHaveValue('津北市场监管〔2026〕99号');
  await expect(page.getByTestId('plan-activity-retired').nth(1)).toBeChecked();
  await expect(page.getByTestId('plan-theme')).toHaveValue('质量强国 标准引领');
  await expect(page.getByTestId('plan-unsaved')).toHaveCount(0);
  await expect(page.getByTestId('plan-draft-restored')).toHaveCount(0);
  // Edits after throwing the old ones away are of the plan as it is now.
  await page.getByTestId('plan-theme').fill('新的主题');
  await page.reload();
  await expect(page.getByTestId('plan-draft-restored')).toHaveText(/^已恢复上次未保存的修改。保存后才会生效。/);
  await expect(page.getByTestId('plan-theme')).toHaveValue('新的主题');
  await page.getByTestId('plan-draft-discard').click();
  await page.reload();
  await expect(page.getByTestId('plan-draft-restored'), 'nothing kept once thrown away').toHaveCount(0);
  await expect(page.getByTestId('plan-theme')).toHaveValue('质量强国 标准引领');
});
