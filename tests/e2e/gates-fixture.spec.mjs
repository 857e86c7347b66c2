// The gates are proven to bite: on deliberately faulty fixture pages they report exactly the
// faults planted there, and nothing on the parts built right.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  pageProblems,
  keyboardProblems,
  escapeProblems,
  onScreenKeyboardProblems,
} from './quality-gates.mjs';

const fixture = (name) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)), 'utf8');

test('the page gates report exactly the missing label, the hard-coded string and the 30 px button', async ({ page }) => {
  await page.setContent(fixture('gates-fixture.html'));
  expect(await pageProblems(page)).toEqual([
    'axe label: #recorder',
    'untranslated in the Chinese interface (<p>): "Record saved"',
    'touch target <button> "删" is 30×30px, under 44×44',
  ]);
});

test('the keyboard gate reports a missing focus ring and a control Tab skips', async ({ page }) => {
  await page.setContent(fixture('gates-keyboard-fixture.html'));
  expect(await keyboardProblems(page)).toEqual([
    'focus is not visible on <button#no-ring> "无焦点框"',
    'Tab never reaches <button> "跳过"',
  ]);
});

test('the Esc gate passes a native dialog and catches one that ignores Esc or drops focus', async ({ page }) => {
  await page.setContent(fixture('gates-keyboard-fixture.html'));
  expect(await escapeProblems(page, page.locator('#open-good'), page.locator('#good-dialog'))).toEqual([]);
  expect(await escapeProblems(page, page.locator('#open-bad'), page.locator('#bad-dialog'))).toEqual([
    // Focus never left the trigger of this fake dialog, so only the first gate fires.
    'Esc did not close the dialog',
  ]);
  expect(await escapeProblems(page, page.locator('#open-lost'), page.locator('#lost-dialog'))).toEqual([
    'focus did not return to the control that opened the dialog',
  ]);
});

test('the on-screen-keyboard gate passes a sticky save bar and catches a save button out of view', async ({ page }) => {
  await page.setContent(fixture('gates-keyboard-fixture.html'));
  expect(await onScreenKeyboardProblems(page, page.locator('#good-input'), page.locator('#good-save'))).toEqual([]);
  expect(await onScreenKeyboardProblems(page, page.locator('#bad-input'), page.locator('#bad-save'))).toEqual([
    'save button is outside the 1024×400 viewport',
    'save button is outside the 768×700 viewport',
  ]);
});
