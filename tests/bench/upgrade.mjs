// The one-time move of the sign-ins into pages (database version 4 → 5) on the first start of a
// build with pages: a version-4 database as that version laid it out, with 10,000 events and
// 100,000 sign-ins (10 per event), then the app opened on a fresh context; the time from
// navigation to the event list being usable, on that first start and on the next.

const uuid = (prefix, n) => `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const STAMP = '2021-09-01T01:00:00Z';
/** The stores version 4 created. */
const VERSION_4_STORES = ['events', 'roster', 'received_files', 'received_records', 'imports', 'conflicts',
  'photos', 'photo_blobs', 'photo_thumbs', 'sync_pending', 'sync_known', 'sync_state'];
const readyMark = () => performance.getEntriesByName('field-ledger-ready')[0]?.startTime;

/** Seeds a version-4 database in `page` (on the app's origin, the app not started). */
async function seedVersion4(page, device, events, signIns) {
  const eventPairs = [];
  for (let i = 0; i < events; i++) {
    const id = uuid('00000000', i);
    eventPairs.push([id, JSON.stringify({
      id, campaign_id: 'quality-month-2021',
      activity: { kind: 'planned', activity_id: `qm2021-a${String(1 + (i % 19)).padStart(2, '0')}` },
      device_id: device.id, organising_unit_id: 'quality', office_name: null,
      start_date: `2021-09-${String(1 + (i % 30)).padStart(2, '0')}`, end_date: null,
      start_time: '09:00:00', end_time: '11:00:00', attendance: 'offline', place: `place ${i}`,
      recorder: 'wang', head_count: i % 120, publicity_minutes: 30, publicity_reports: 1, materials_handed_out: 50,
      extra_counts: {}, direction_id: 'publicity', notes: '',
      created_at: STAMP, updated_at: STAMP, revision: 1, deleted: false, schema_version: 1,
    })]);
  }
  const rosterPairs = [];
  for (let i = 0; i < signIns; i++) {
    const event = uuid('00000000', i % events);
    const id = uuid('10000000', i);
    rosterPairs.push([`live/${event}/${id}`, JSON.stringify({
      id, event_id: event, name: `resident ${i}`, phone: null, affiliation: null,
      signed_in_at: STAMP, created_at: STAMP, updated_at: STAMP, revision: 1, deleted: false, schema_version: 1,
    })]);
  }
  await page.evaluate(
    ([stores, events, roster]) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('field-ledger', 4);
        open.onupgradeneeded = () => stores.forEach((store) => open.result.createObjectStore(store));
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const transaction = open.result.transaction(['events', 'roster'], 'readwrite');
          for (const [key, value] of events) transaction.objectStore('events').put(value, key);
          for (const [key, value] of roster) transaction.objectStore('roster').put(value, key);
          transaction.oncomplete = () => { open.result.close(); resolve(); };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    [VERSION_4_STORES, eventPairs, rosterPairs],
  );
}

/** Prints the first start's time (with the upgrade) and the next one's. */
export async function benchUpgrade(browser, origin, device) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, timezoneId: 'Asia/Shanghai', serviceWorkers: 'block' });
  await context.addInitScript((device) => localStorage.setItem('field-ledger.v1.device', device), JSON.stringify(device));
  const page = await context.newPage();
  // A file of the app's origin that does not start the app, to seed its storage from.
  await page.goto(`${origin}/version.json`);
  await seedVersion4(page, device, 10000, 100000);
  await page.goto(`${origin}/#/`);
  await page.waitForFunction(() => window.fieldLedgerReady === true, null, { timeout: 120000 });
  const first = await page.evaluate(readyMark);
  const version = await page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('field-ledger');
    open.onsuccess = () => { resolve(open.result.version); open.result.close(); };
  }));
  await page.reload();
  await page.waitForFunction(() => window.fieldLedgerReady === true);
  const next = await page.evaluate(readyMark);
  console.log(
    `  upgrade of a version-4 database (10,000 events, 100,000 sign-ins) to version ${version}: ` +
      `first start → list usable ${first.toFixed(0)} ms (once), the next start ${next.toFixed(0)} ms`,
  );
  await context.close();
}
