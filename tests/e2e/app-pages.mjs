// Every page of the app, and how a test reaches it. The quality gates (gates.spec.mjs) run on each
// entry in both languages and both tablet orientations: a new page is added here, with
// - `dialogs`: `(page) => ({ trigger, dialog })` locators, each checked for Esc and focus return;
// - `forms`: `(page) => ({ input, save })` locators, each checked with the on-screen keyboard up.
import { expect } from '@playwright/test';
import { openApp, openHome, recordEvent, seedDevice } from './app-fixture.mjs';

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
