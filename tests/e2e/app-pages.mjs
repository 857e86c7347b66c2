// Every page of the app, and how a test reaches it. The quality gates (gates.spec.mjs) run on each
// entry in both languages and both tablet orientations: a new page is added here, with
// - `dialogs`: `(page) => ({ trigger, dialog })` locators, each checked for Esc and focus return;
// - `forms`: `(page) => ({ input, save })` locators, each checked with the on-screen keyboard up.
import { expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeImage, openApp, openHome, recordEvent, seedDevice } from './app-fixture.mjs';

async function openEventForm(page) {
  await seedDevice(page);
  await openHome(page);
  await page.getByTestId('new-event').click();
  await page.getByTestId('event-activity').selectOption('qm2021-a01');
}

export const APP_PAGES = [
  {
    name: 'overview',
    open: (page) => openApp(page, '2021-10-05T10:00:00+08:00'),
    dialogs: [],
    forms: [],
  },
  {
    name: 'device-setup',
    open: async (page) => {
      await page.clock.setFixedTime(new Date('2021-09-15T10:00:00+08:00'));
      await page.goto('/');
      await expect(page.getByTestId('device-page')).toBeVisible();
    },
    dialogs: [],
    forms: [(page) => ({ input: page.getByTestId('device-label'), save: page.getByTestId('device-save') })],
  },
  {
    name: 'home',
    open: async (page) => {
      await seedDevice(page);
      await openHome(page);
      await recordEvent(page, '中山公园广场');
    },
    dialogs: [],
    forms: [],
  },
  {
    name: 'event-form',
    open: openEventForm,
    dialogs: [],
    forms: [
      (page) => ({ input: page.getByTestId('event-place'), save: page.getByTestId('save-event') }),
      (page) => ({ input: page.getByTestId('event-notes'), save: page.getByTestId('save-event') }),
    ],
  },
  {
    name: 'event-form-errors',
    open: async (page) => {
      await openEventForm(page);
      await page.getByTestId('event-materials').fill('-5');
      await page.getByTestId('save-event').click();
      await expect(page.getByTestId('field-error').first()).toBeVisible();
    },
    dialogs: [],
    forms: [],
  },
];

async function openAttendance(page) {
  await seedDevice(page);
  await openHome(page);
  await recordEvent(page, '中山公园广场');
  await page.getByTestId('open-attendance').click();
  await page.getByTestId('roster-name').fill('李明');
  await page.getByTestId('roster-phone').fill('13812345678');
  await page.getByTestId('roster-add').click();
  await expect(page.getByTestId('roster-row')).toHaveCount(1);
}

APP_PAGES.push(
  {
    name: 'attendance',
    open: openAttendance,
    dialogs: [],
    forms: [
      (page) => ({ input: page.getByTestId('roster-name'), save: page.getByTestId('roster-add') }),
      (page) => ({ input: page.getByTestId('head-count-input'), save: page.getByTestId('set-head-count') }),
    ],
  },
  {
    name: 'counter',
    open: async (page) => {
      await openAttendance(page);
      await page.getByTestId('open-counter').click();
      await page.getByTestId('counter-plus').click();
      await expect(page.getByTestId('counter-status')).toHaveAttribute('data-saved', 'true');
    },
    dialogs: [],
    forms: [],
  },
);

APP_PAGES.push({
  name: 'statistics',
  open: async (page) => {
    await openAttendance(page);
    await page.getByTestId('nav-stats').click();
    await expect(page.getByTestId('stats-page')).toBeVisible();
  },
  dialogs: [],
  forms: [],
});

APP_PAGES.push({
  name: 'export',
  open: async (page) => {
    await openAttendance(page);
    await page.getByTestId('nav-export').click();
    await expect(page.getByTestId('export-page')).toBeVisible();
    // With phones included the warning shows: the gates check it too.
    await page.getByTestId('export-include-phones').check();
  },
  dialogs: [],
  forms: [],
});

APP_PAGES.push({
  name: 'photos',
  open: async (page) => {
    await seedDevice(page);
    await openHome(page);
    await recordEvent(page, '中山公园广场');
    const jpg = await makeImage(page, 1280, 960, 'image/jpeg');
    const png = await makeImage(page, 800, 600, 'image/png');
    await page.getByTestId('open-photos').click();
    await page.getByTestId('photo-input').setInputFiles([
      { name: 'IMG_2041.jpg', mimeType: 'image/jpeg', buffer: jpg },
      { name: 'Screenshot_0915.png', mimeType: 'image/png', buffer: png },
    ]);
    // One photo that meets the rule, one that does not, with its reason.
    await expect(page.getByTestId('photo-row')).toHaveCount(2);
  },
  dialogs: [],
  forms: [(page) => ({ input: page.getByTestId('photo-caption').first(), save: page.getByTestId('photo-select').first() })],
});

/** A one-event report from tablet 平板2 of the Food Section, as the import page receives it. */
function sampleReport() {
  const campaign = JSON.parse(readFileSync(join(import.meta.dirname, '../../src/domain/plans/quality-month-2021.json'), 'utf8'));
  const stamp = '2021-09-15T02:00:00Z';
  const event = {
    id: '6f1c2e0a-8a4b-4c1e-9a55-2b8f0d3c7e99', campaign_id: campaign.id,
    activity: { kind: 'planned', activity_id: 'qm2021-a01' }, device_id: 'bbbbbbbb-0000-4000-8000-000000000002',
    organising_unit_id: 'food', office_name: null, start_date: '2021-09-15', end_date: null,
    start_time: null, end_time: null, attendance: 'offline', place: '中山公园广场', recorder: '李四',
    head_count: 40, publicity_minutes: 60, publicity_reports: 1, materials_handed_out: 0, extra_counts: {},
    direction_id: 'publicity', notes: '', created_at: stamp, updated_at: stamp, revision: 1, deleted: false,
    schema_version: 1,
  };
  return {
    format: 'field-ledger.export', format_version: 1, kind: 'report', phones_withheld: true,
    app_version: '0.1.0', exported_at: stamp,
    device: { id: 'bbbbbbbb-0000-4000-8000-000000000002', label: '平板2', unit_id: 'food' },
    campaign, events: [event], roster: [],
  };
}

APP_PAGES.push({
  name: 'import',
  open: async (page) => {
    await seedDevice(page);
    await openHome(page);
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-files').setInputFiles([
      { name: '质量月2021_食品科_平板2_2021-09-15_report.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(sampleReport())) },
      { name: '现场照片.json', mimeType: 'application/json', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) },
    ]);
    // The preview with one good file, one refused: the gates check the tables and the message.
    await expect(page.getByTestId('import-preview')).toBeVisible();
  },
  dialogs: [],
  forms: [],
});

APP_PAGES.push({
  name: 'received-files',
  open: async (page) => {
    await seedDevice(page);
    await openHome(page);
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-files').setInputFiles([
      { name: 'report.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(sampleReport())) },
    ]);
    await page.getByTestId('import-confirm').click();
    await expect(page.getByTestId('import-outcome')).toBeVisible();
    await page.getByTestId('received-files-link').click();
    await expect(page.getByTestId('received-file-row')).toHaveCount(1);
  },
  dialogs: [],
  forms: [],
});

APP_PAGES.push(
  {
    name: 'campaigns',
    open: async (page) => {
      await seedDevice(page);
      await openHome(page);
      await page.getByTestId('nav-campaigns').click();
      await page.getByTestId('campaign-copy').click();
      await expect(page.getByTestId('campaign-copy-year')).toBeVisible();
    },
    dialogs: [],
    forms: [(page) => ({ input: page.getByTestId('campaign-copy-year'), save: page.getByTestId('campaign-copy-confirm') })],
  },
  {
    name: 'plan-editor',
    open: async (page) => {
      await seedDevice(page);
      await openHome(page);
      await page.getByTestId('nav-campaigns').click();
      await page.getByTestId('campaign-copy').click();
      await page.getByTestId('campaign-copy-confirm').click();
      await expect(page.getByTestId('plan-editor-page')).toBeVisible();
      await page.getByTestId('plan-deadline').fill('2021-09-01');
      await page.getByTestId('plan-save').click();
      await expect(page.getByTestId('plan-problem')).toBeVisible();
    },
    dialogs: [],
    forms: [(page) => ({ input: page.getByTestId('plan-title'), save: page.getByTestId('plan-save') })],
  },
);

/** Both interface languages, default first. */
export const LANGUAGES = ['zh-CN', 'en'];

/** Makes the app start in `language` on its next load, as if the user had chosen it before. */
export async function startIn(page, language) {
  if (language !== 'zh-CN') {
    await page.addInitScript((code) => {
      localStorage.setItem('field-ledger.v1.language', JSON.stringify(code));
    }, language);
  }
}
