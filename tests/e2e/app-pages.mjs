// Every page of the app, and how a test reaches it. The quality gates (gates.spec.mjs) run on each
// entry in both languages and both tablet orientations: a new page is added here, with
// - `dialogs`: `(page) => ({ trigger, dialog })` locators, each checked for Esc and focus return;
// - `forms`: `(page) => ({ input, save })` locators, each checked with the on-screen keyboard up.
import { openApp } from './app-fixture.mjs';

export const APP_PAGES = [
  {
    name: 'overview',
    open: (page) => openApp(page, '2021-10-05T10:00:00+08:00'),
    dialogs: [],
    forms: [],
  },
];

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
