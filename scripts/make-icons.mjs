// Renders public/icon.svg to the PNG icons the web app manifest needs (192 and 512 px, and a
// 512 px maskable one with the safe-zone padding), using the same Chromium as the tests.
// Run after changing the icon: node scripts/make-icons.mjs (the PNGs are committed).
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';

const svg = readFileSync('public/icon.svg', 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const page = await browser.newPage();
for (const [file, size, padding, background] of [
  ['public/icon-192.png', 192, 0, 'transparent'],
  ['public/icon-512.png', 512, 0, 'transparent'],
  // Maskable: the launcher may crop to a circle of 80 % of the width; keep the art inside it.
  ['public/icon-maskable-512.png', 512, 0.12, '#0b4f8a'],
]) {
  await page.setViewportSize({ width: size, height: size });
  const inset = Math.round(size * padding);
  await page.setContent(
    `<body style="margin:0;background:${background}"><div style="padding:${inset}px">` +
      svg.replace('<svg ', `<svg width="${size - 2 * inset}" height="${size - 2 * inset}" `) +
      '</div></body>',
  );
  await page.screenshot({ path: file, omitBackground: background === 'transparent' });
}
await browser.close();
