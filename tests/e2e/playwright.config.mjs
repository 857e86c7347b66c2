// End-to-end tests in Debian's Chromium against the release build in dist/, served on 127.0.0.1.
import { defineConfig } from '@playwright/test';

// E2E_PORT lets a second run (e.g. while CI runs on this machine) use another port.
const port = Number(process.env.E2E_PORT ?? 4173);
// The PouchDB Server of the sync tests (sync-server-setup.mjs), which the static server proxies
// at `couch/`. Playwright starts the webServer before the global set-up, so both get this fixed
// port: 5985 beside the default 4173, and moved along with E2E_PORT so two runs do not collide.
const syncPort = Number(process.env.SYNC_SERVER_PORT ?? port + 1812);
process.env.SYNC_SERVER_PORT = String(syncPort);

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.mjs',
  outputDir: '../../test-results',
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  globalSetup: './sync-server-setup.mjs',
  globalTeardown: './sync-server-teardown.mjs',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1024, height: 768 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // As root on these machines; the background-networking flags stop Chromium from flooding
      // the closed network.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    },
  },
  webServer: {
    command: `node tests/e2e/static-server.mjs dist ${port}`,
    cwd: '../..',
    url: `http://127.0.0.1:${port}/index.html`,
    reuseExistingServer: false,
    stdout: 'ignore',
    env: { COUCH_UPSTREAM: `http://127.0.0.1:${syncPort}`, E2E_TEST_CONTROLS: '1' },
  },
});
