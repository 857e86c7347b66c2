// Quality gates applied to every page of the app (tests/e2e/gates.spec.mjs) and proven to bite on
// a faulty fixture (tests/e2e/gates-fixture.spec.mjs). Each gate returns the problems it finds as
// readable strings, so a failing test says what to fix; an empty list means the page passes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The axe-core rule tags checked: WCAG 2.0 and 2.1, levels A and AA (contrast included). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Latin words allowed in the Chinese interface: file formats, units, and the office programs and
 * systems staff know by these names (Excel, WPS, Word, the OA system). */
export const ALLOWED_LATIN_WORDS = ['CSV', 'JSON', 'JPG', 'ZIP', 'KB', 'MB', 'GB', 'Excel', 'WPS', 'Word', 'OA'];

/** Smallest touch target, in CSS pixels, each way. */
export const MIN_TARGET_PX = 44;

/** Smallest font size of a key figure (counts, totals), in CSS pixels. */
export const MIN_KEY_FIGURE_PX = 32;

/** Everything a finger or the keyboard can activate. */
const INTERACTIVE =
  'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], ' +
  '[role=link], [role=tab], [role=checkbox], [role=radio], [role=switch], [role=menuitem], ' +
  '[tabindex]:not([tabindex="-1"])';

/** axe-core violations at WCAG 2.1 AA, one string per rule and element. */
export async function axeViolations(page) {
  // page.evaluate runs outside the page's CSP, so axe needs no script tag (which the CSP blocks).
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(
    (tags) =>
      window.axe
        .run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
        .then((result) =>
          result.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')) })),
        ),
    AXE_TAGS,
  );
  return violations.flatMap((v) => v.targets.map((target) => `axe ${v.id}: ${target}`));
}

/** Key figures (marked `data-key-figure`) set smaller than 32 px. */
export async function smallKeyFigures(page) {
  return page.evaluate(
    (min) =>
      [...document.querySelectorAll('[data-key-figure]')]
        .map((el) => [el, parseFloat(getComputedStyle(el).fontSize)])
        .filter(([, size]) => size < min)
        .map(([el, size]) => `key figure "${el.textContent.trim()}" is ${size}px, under ${min}px`),
    MIN_KEY_FIGURE_PX,
  );
}

/**
 * Interface text in the wrong language. Text whose nearest `lang` is English must hold no Chinese;
 * text that takes its language from <html lang="zh-CN"> (the interface chrome) must hold no Latin
 * words except the allowed ones. Content marked with its own `lang` (plan texts, user data, the
 * language switch's "English") is data, not chrome, and is skipped.
 */
export async function untranslatedText(page) {
  return page.evaluate((allowed) => {
    const chinese = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
    const problems = [];
    const check = (text, element, where) => {
      const scope = element.closest('[lang]');
      if (!scope || !text.trim()) return;
      const language = scope.getAttribute('lang');
      if (language.startsWith('en') && chinese.test(text)) {
        problems.push(`Chinese in the English interface (${where}): "${text.trim()}"`);
      }
      if (language === 'zh-CN' && scope === document.documentElement) {
        const words = (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !allowed.includes(w));
        if (words.length) problems.push(`untranslated in the Chinese interface (${where}): "${text.trim()}"`);
      }
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      // Codes such as a version stamp are marked translate="no": not words of either language.
      if (!parent || parent.closest('script, style, noscript, [translate="no"]')) continue;
      check(node.textContent, parent, `<${parent.localName}>`);
    }
    for (const element of document.querySelectorAll('[title], [aria-label], [placeholder], [alt]')) {
      for (const attribute of ['title', 'aria-label', 'placeholder', 'alt']) {
        const value = element.getAttribute(attribute);
        if (value) check(value, element, `${attribute} of <${element.localName}>`);
      }
    }
    check(document.title, document.documentElement, '<title>');
    return problems;
  }, ALLOWED_LATIN_WORDS);
}

/** Visible interactive elements smaller than 44×44 px. */
export async function smallTouchTargets(page) {
  return page.evaluate(
    ([selector, min]) =>
      [...document.querySelectorAll(selector)]
        .filter((el) => el.checkVisibility({ visibilityProperty: true }))
        .map((el) => [el, el.getBoundingClientRect()])
        .filter(([, r]) => r.width < min || r.height < min)
        .map(
          ([el, r]) =>
            `touch target <${el.localName}> "${(el.textContent || el.getAttribute('aria-label') || '').trim()}" ` +
            `is ${Math.round(r.width)}×${Math.round(r.height)}px, under ${min}×${min}`,
        ),
    [INTERACTIVE, MIN_TARGET_PX],
  );
}

/** A page wider than its viewport (sideways scrolling on a tablet). */
export async function horizontalScrolling(page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  return scrollWidth > innerWidth ? [`page scrolls sideways: ${scrollWidth}px wide in a ${innerWidth}px viewport`] : [];
}

/** Every gate that looks at a rendered page, in one list. */
export async function pageProblems(page) {
  return [
    ...(await axeViolations(page)),
    ...(await smallKeyFigures(page)),
    ...(await untranslatedText(page)),
    ...(await smallTouchTargets(page)),
    ...(await horizontalScrolling(page)),
  ];
}

/**
 * Tabs through the whole page from the top and reports interactive elements Tab never reaches
 * and elements that take focus without a visible focus indicator (an outline of at least 2 px or
 * a box shadow).
 */
export async function keyboardProblems(page) {
  const total = await page.evaluate((selector) => {
    const elements = [...document.querySelectorAll(selector)].filter((el) =>
      el.checkVisibility({ visibilityProperty: true }),
    );
    elements.forEach((el, index) => el.setAttribute('data-gate-index', String(index)));
    document.activeElement?.blur();
    return elements.length;
  }, INTERACTIVE);
  const reached = new Set();
  const problems = [];
  let first = null;
  // Date and time inputs take several Tab stops (one per segment), so allow a few per control;
  // the walk ends sooner once every control was reached, or focus has come round to where it
  // began (a whole cycle: the pages with hundreds of controls are walked once, not four times).
  for (let press = 0; press < total * 4 + 4 && reached.size < total; press++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      return {
        index: el.getAttribute('data-gate-index'),
        visible: outline || style.boxShadow !== 'none',
        label: `<${el.localName}${el.id ? '#' + el.id : ''}> "${(el.textContent || el.getAttribute('aria-label') || '').trim()}"`,
      };
    });
    if (!focus) continue;
    if (focus.index !== null && focus.index === first && reached.size > 1) break;
    if (focus.index !== null) {
      first ??= focus.index;
      reached.add(focus.index);
    }
    if (!focus.visible) problems.push(`focus is not visible on ${focus.label}`);
  }
  const unreached = await page.evaluate(
    (seen) =>
      [...document.querySelectorAll('[data-gate-index]')]
        .filter((el) => !seen.includes(el.getAttribute('data-gate-index')))
        .map((el) => `Tab never reaches <${el.localName}> "${el.textContent.trim()}"`),
    [...reached],
  );
  return [...new Set(problems), ...unreached];
}

/**
 * Opens a dialog from `trigger` with the keyboard, closes it with Esc, and reports a dialog that
 * stays open or focus that does not return to the trigger.
 */
export async function escapeProblems(page, trigger, dialog) {
  await trigger.focus();
  await page.keyboard.press('Enter');
  if (!(await dialog.isVisible())) return ['the dialog did not open with Enter'];
  await page.keyboard.press('Escape');
  const problems = [];
  if (await dialog.isVisible()) problems.push('Esc did not close the dialog');
  const returned = await trigger.evaluate((el) => document.activeElement === el);
  if (!returned) problems.push('focus did not return to the control that opened the dialog');
  return problems;
}

/** The viewports left over when the on-screen keyboard is up, landscape and portrait. */
export const KEYBOARD_UP_VIEWPORTS = [
  { width: 1024, height: 400 },
  { width: 768, height: 700 },
];

/**
 * With the on-screen keyboard up (a short viewport), focuses `input` as a tap would and reports
 * the input or its `save` button lying outside the visible viewport.
 */
export async function onScreenKeyboardProblems(page, input, save) {
  const problems = [];
  for (const viewport of KEYBOARD_UP_VIEWPORTS) {
    await page.setViewportSize(viewport);
    // A fresh tap each time: focusing an input that already has focus would not scroll.
    await input.evaluate((el) => el.blur());
    await input.focus();
    for (const [name, locator] of [['focused input', input], ['save button', save]]) {
      const box = await locator.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
      });
      const inside = box.top >= 0 && box.left >= 0 && box.bottom <= viewport.height && box.right <= viewport.width;
      if (!inside) problems.push(`${name} is outside the ${viewport.width}×${viewport.height} viewport`);
    }
  }
  return problems;
}
