// CI's proof that the README's serve command works on a clean clone: waits until the server that
// `bash scripts/serve.sh` started answers at `url`, opens it in Chromium, and checks that the app
// mounts and its app-version names `commit` (this checkout's HEAD, not a stale dist/).
// Usage: node tests/serve/check-serve.mjs <url> <commit> <serve-pid> <serve-log>
// Fails if the serve command exits first, or if nothing answers within the time limit.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';

const [url, commit, servePid, serveLog] = process.argv.slice(2);
const LIMIT_MS = 20 * 60 * 1000; // a first build on a cold cache takes minutes
const started = Date.now();

const alive = () => {
  try {
    process.kill(Number(servePid), 0);
    return true;
  } catch {
    return false;
  }
};
const fail = (why) => {
  let log = '';
  try {
    log = readFileSync(serveLog, 'utf8').split('\n').slice(-30).join('\n');
  } catch {}
  console.error(`serve check: ${why}\n--- last lines of the serve command's output ---\n${log}`);
  process.exit(1);
};

for (;;) {
  if (!alive()) fail('the serve command exited before the app was served');
  if (Date.now() - started > LIMIT_MS) fail(`nothing answered at ${url} within ${LIMIT_MS / 60000} minutes`);
  try {
    const response = await fetch(url);
    if (response.ok && (await response.text()).includes('field-ledger-version')) break;
  } catch {
    // Not listening yet.
  }
  // Poll the server, not the clock: the answer ends the wait.
  await new Promise((resolve) => setTimeout(resolve, 1000));
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
try {
  const page = await browser.newPage({ serviceWorkers: 'block' });
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(url);
  // A fresh browser has no device: the app mounts on the device page, which shows the version.
  const version = page.getByTestId('app-version');
  await version.waitFor({ timeout: 60000 });
  const shown = (await version.textContent()).trim();
  if (!shown.endsWith(`+${commit}`)) fail(`the app shows version ${shown}, not one built from ${commit}`);
  if (await page.getByTestId('boot-screen').count()) fail('the first screen is still up after the app mounted');
  if (problems.length) fail(`page errors: ${problems.join('; ')}`);
  console.log(`serve check: ${url} serves the app, which mounted showing version ${shown} (HEAD ${commit})`);
} catch (error) {
  fail(error.message);
} finally {
  await browser.close();
}
