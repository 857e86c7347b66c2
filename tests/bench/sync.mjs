// Live sync's figures, against a real PouchDB Server behind the test server's couch/ proxy:
// the first full sync of a tablet holding EVENTS events and SIGN_INS sign-ins, up (turning sync on
// → nothing waiting) and down (a second tablet of the unit turning sync on → everything here),
// with requests and bytes; and the time from a tap on the head counter to the new version being on
// the server while the tablet is online.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScript, startServer, client, ADMIN } from '../sync-server/harness.mjs';
import { rosterPages } from './roster-pages.mjs';

// 10,000 events with 100,000 sign-ins by default (the figure; smaller with the variables).
const EVENTS = Number(process.env.SYNC_BENCH_EVENTS ?? 10_000);
const SIGN_INS = Number(process.env.SYNC_BENCH_SIGN_INS ?? 100_000);
const PORT = 4393;
const STAMP = '2021-09-01T01:00:00Z';
const uuid = (prefix, n) => `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const DEVICE = {
  id: 'aaaaaaaa-0000-4000-8000-0000000000b1', label: '食品科平板', unit_id: 'food', office_name: null,
  default_recorder: '王芳', created_at: STAMP, updated_at: STAMP, schema_version: 1,
};
const ACCOUNT = { name: 'bench-food', password: 'bench-food-pass' };

/** Stores EVENTS events and SIGN_INS sign-ins as the app stores them, in the page's IndexedDB. */
async function seed(page) {
  const id = (prefix, n) => `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
  const entries = [];
  for (let i = 0; i < SIGN_INS; i++) {
    const event = id('00000000', i % EVENTS);
    const entry = id('10000000', i);
    entries.push([event, JSON.stringify({
      id: entry, event_id: event, name: `resident ${i}`, phone: null, affiliation: null,
      signed_in_at: STAMP, created_at: STAMP, updated_at: STAMP, revision: 1, deleted: false, schema_version: 1,
    })]);
  }
  const roster = rosterPages(entries);
  await page.evaluate(
    ([events, roster, device, stamp]) =>
      new Promise((resolve, reject) => {
        const id = (prefix, n) => `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
        const open = indexedDB.open('field-ledger');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const transaction = open.result.transaction(['events', 'roster_pages', 'roster_live'], 'readwrite');
          for (let i = 0; i < events; i++) {
            transaction.objectStore('events').put(JSON.stringify({
              id: id('00000000', i), campaign_id: 'quality-month-2021',
              activity: { kind: 'planned', activity_id: `qm2021-a${String(5 + (i % 3)).padStart(2, '0')}` },
              device_id: device, organising_unit_id: 'food', office_name: null,
              start_date: `2021-09-${String(1 + (i % 30)).padStart(2, '0')}`, end_date: null,
              start_time: '09:00:00', end_time: '11:00:00', attendance: 'offline', place: `place ${i}`,
              recorder: 'wang', head_count: i % 120, publicity_minutes: 30, publicity_reports: 1,
              materials_handed_out: 50, extra_counts: {}, direction_id: 'enforcement', notes: '',
              created_at: stamp, updated_at: stamp, revision: 1, deleted: false, schema_version: 1,
            }), id('00000000', i));
          }
          for (const [key, text] of roster.pages) transaction.objectStore('roster_pages').put(text, key);
          for (const [key, count] of roster.counts) transaction.objectStore('roster_live').put(count, key);
          transaction.oncomplete = () => { open.result.close(); resolve(); };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    [EVENTS, roster, DEVICE.id, STAMP],
  );
}

/** Counts the requests to couch/ and their bytes, up and down. */
function meter(page) {
  const totals = { requests: 0, up: 0, down: 0 };
  page.on('requestfinished', async (request) => {
    if (!request.url().includes('/couch/')) return;
    totals.requests += 1;
    totals.up += Buffer.byteLength(request.postData() ?? '');
    const sizes = await request.sizes().catch(() => null);
    if (sizes) totals.down += sizes.responseBodySize;
  });
  return totals;
}

async function turnSyncOn(page) {
  await page.getByTestId('nav-device').click();
  await page.getByTestId('sync-user').fill(ACCOUNT.name);
  await page.getByTestId('sync-password').fill(ACCOUNT.password);
  await page.getByTestId('sync-enabled').check();
  const started = Date.now();
  await page.getByTestId('sync-save').click();
  return started;
}

async function settled(page) {
  try {
    await page.getByTestId('sync-pending').and(page.locator('[data-count="0"]')).waitFor({ timeout: 15 * 60_000 });
    await page.locator('[data-testid=sync-status][data-state=idle]').waitFor({ timeout: 15 * 60_000 });
  } catch (error) {
    const shown = await page.locator('.sync-settings').innerText().catch(() => '');
    throw new Error(`sync did not settle: ${shown}`, { cause: error });
  }
}

const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;

/** Runs the sync figures in `browser` (Playwright's Chromium); prints them. */
export async function benchSync(browser) {
  const server = await startServer({ data: mkdtempSync(join(tmpdir(), 'fl-bench-couch-')) });
  const app = spawn('node', ['tests/e2e/static-server.mjs', 'dist', String(PORT)], {
    env: { ...process.env, COUCH_UPSTREAM: server.url },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve) => app.stdout.once('data', resolve));
  try {
    for (const [script, args] of [['provision.sh', []], ['add-account.sh', ['tablet', ACCOUNT.name, ACCOUNT.password, 'food']]]) {
      const run = await runScript(script, args, server.url);
      if (run.code !== 0) throw new Error(`${script}: ${run.stderr}`);
    }
    const origin = `http://127.0.0.1:${PORT}`;
    const open = async (device) => {
      const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      await context.addInitScript((json) => {
        if (location.protocol.startsWith('http')) localStorage.setItem('field-ledger.v1.device', json);
      }, JSON.stringify(device));
      const page = await context.newPage();
      await page.goto(`${origin}/#/`);
      await page.getByTestId('home-page').waitFor();
      return { context, page };
    };

    const up = await open(DEVICE);
    await seed(up.page);
    await up.page.reload();
    await up.page.getByTestId('home-page').waitFor();
    const upMeter = meter(up.page);
    const upStarted = await turnSyncOn(up.page);
    await settled(up.page);
    const upSeconds = (Date.now() - upStarted) / 1000;
    console.log(
      `  live sync, first full sync up of ${EVENTS.toLocaleString('en')} events + ${SIGN_INS.toLocaleString('en')} sign-ins (turn on → nothing waiting): ` +
        `${upSeconds.toFixed(1)} s, ${upMeter.requests} requests, ${mb(upMeter.up)} up, ${mb(upMeter.down)} down`,
    );

    const down = await open({ ...DEVICE, id: 'aaaaaaaa-0000-4000-8000-0000000000b2', label: '食品科平板2' });
    const downMeter = meter(down.page);
    const downStarted = await turnSyncOn(down.page);
    await settled(down.page);
    const downSeconds = (Date.now() - downStarted) / 1000;
    const held = await down.page.evaluate(() => new Promise((resolve) => {
      const open = indexedDB.open('field-ledger');
      open.onsuccess = () => {
        const transaction = open.result.transaction(['events', 'roster_live']);
        const events = transaction.objectStore('events').count();
        const counts = transaction.objectStore('roster_live').getAll();
        transaction.oncomplete = () => {
          open.result.close();
          resolve([events.result, counts.result.reduce((sum, n) => sum + n, 0)]);
        };
      };
    }));
    if (held[0] !== EVENTS || held[1] !== SIGN_INS) {
      throw new Error(`the second tablet holds ${held[0]} events and ${held[1]} sign-ins after sync`);
    }
    console.log(
      `  live sync, first full sync down of the same to a second tablet (turn on → in step): ` +
        `${downSeconds.toFixed(1)} s, ${downMeter.requests} requests, ${mb(downMeter.up)} up, ${mb(downMeter.down)} down`,
    );

    // Online and idle: one tap on the head counter, until the server holds the new version.
    const event = uuid('00000000', 0);
    const admin = client(server.url, ADMIN);
    const before = (await admin.get(`/fl-unit-food/event:${event}`)).body.rank.revision;
    await up.page.goto(`${origin}/#/events/${event}/counter`);
    await up.page.getByTestId('counter-plus').waitFor();
    const tapped = Date.now();
    await up.page.getByTestId('counter-plus').click();
    let revision = before;
    while (revision === before && Date.now() - tapped < 60_000) {
      revision = (await admin.get(`/fl-unit-food/event:${event}`)).body.rank.revision;
    }
    console.log(`  live sync, head-counter tap → new version on the server (online): ${Date.now() - tapped} ms`);
    await up.context.close();
    await down.context.close();
  } finally {
    app.kill();
    await server.stop();
  }
}
