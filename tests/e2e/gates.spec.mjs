// The quality gates on every page of the app: WCAG 2.1 AA (axe-core), key figures ≥ 32 px, no
// untranslated interface text, touch targets ≥ 44 px, no sideways scrolling, in both languages
// and both tablet orientations (with a screenshot of each); and the keyboard gate.
import { test, expect, screenshot, chineseGlyphsRender, TABLET_VIEWPORTS } from './app-fixture.mjs';
import { APP_PAGES, LANGUAGES, startIn } from './app-pages.mjs';
import { pageProblems, keyboardProblems, escapeProblems, onScreenKeyboardProblems } from './quality-gates.mjs';

for (const appPage of APP_PAGES) {
  for (const viewport of TABLET_VIEWPORTS) {
    for (const language of LANGUAGES) {
      const name = `${appPage.name}-${language}-${viewport.width}x${viewport.height}`;
      test(`${name} passes every page gate`, async ({ page }) => {
        await page.setViewportSize(viewport);
        await startIn(page, language);
        await appPage.open(page);
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        expect(await chineseGlyphsRender(page), 'a CJK font is installed and used').toBe(true);
        await screenshot(page, name);
        expect(await pageProblems(page)).toEqual([]);
      });
    }
  }

  for (const language of LANGUAGES) {
    test(`${appPage.name}-${language}: every control is reached by Tab with visible focus`, async ({ page }) => {
      await startIn(page, language);
      await appPage.open(page);
      expect(await keyboardProblems(page)).toEqual([]);
    });
  }

  appPage.dialogs.forEach((locate, index) => {
    test(`${appPage.name}: dialog ${index + 1} closes with Esc and gives focus back`, async ({ page }) => {
      await appPage.open(page);
      const { trigger, dialog } = locate(page);
      expect(await escapeProblems(page, trigger, dialog)).toEqual([]);
    });
  });

  appPage.forms.forEach((locate, index) => {
    test(`${appPage.name}: form ${index + 1} keeps input and save in view with the keyboard up`, async ({ page }) => {
      await appPage.open(page);
      const { input, save } = locate(page);
      expect(await onScreenKeyboardProblems(page, input, save)).toEqual([]);
    });
  });
}
