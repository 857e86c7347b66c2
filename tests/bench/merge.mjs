// Benchmark of import and merge: 10 report files of 1,000 events each (a fifth of each file's
// events also in the next file, one revision newer, so the merge has versions to rank), chosen
// together on the import page of an empty device. Prints the time from choosing the files to the
// preview (reading, checking, planning) and from confirming to the merged records stored and shown.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const campaign = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../src/domain/plans/quality-month-2021.json'), 'utf8'),
);
const uuid = (prefix, n) => `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

function event(device, n, revision) {
  const stamp = `2021-09-${String(1 + (n % 28)).padStart(2, '0')}T0${revision}:00:00Z`;
  return {
    id: uuid('0000e7e7', n), campaign_id: campaign.id,
    activity: { kind: 'planned', activity_id: `qm2021-a${String(1 + (n % 19)).padStart(2, '0')}` },
    device_id: device, organising_unit_id: 'food', office_name: null,
    start_date: stamp.slice(0, 10), end_date: null, start_time: '09:00:00', end_time: null,
    attendance: 'offline', place: `社区${n % 50}`, recorder: '王芳',
    head_count: (n % 90) + revision, publicity_minutes: 30, publicity_reports: 1, materials_handed_out: 20,
    extra_counts: {}, direction_id: 'publicity', notes: '',
    created_at: '2021-09-01T00:00:00Z', updated_at: stamp, revision, deleted: false, schema_version: 1,
  };
}

/** Writes the 10 files; returns their paths. */
function writeFiles(folder) {
  const paths = [];
  for (let f = 0; f < 10; f++) {
    const device = uuid('de01ce00', f);
    const events = [];
    for (let i = 0; i < 1000; i++) {
      // Events 800–999 of file f are events 0–199 of file f + 1, one revision on.
      const n = f * 800 + i;
      events.push(event(device, n, i < 200 && f > 0 ? 2 : 1));
    }
    const file = {
      format: 'field-ledger.export', format_version: 1, kind: 'report', phones_withheld: true,
      app_version: 'bench', exported_at: '2021-09-30T08:00:00Z',
      device: { id: device, label: `平板${f + 1}`, unit_id: 'food' },
      campaign, events, roster: [],
    };
    const path = join(folder, `tablet-${f + 1}.json`);
    writeFileSync(path, JSON.stringify(file));
    paths.push(path);
  }
  return paths;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Runs the merge benchmark on a fresh page of `context` at `origin`; prints its figures. */
export async function benchMerge(context, origin) {
  const paths = writeFiles(mkdtempSync(join(tmpdir(), 'field-ledger-merge-')));
  const toPreview = [];
  const toStored = [];
  let tally = '';
  for (let run = 0; run < 3; run++) {
    const page = await context.newPage();
    // Times taken in the page itself (Playwright's waiting polls, and would add its latency).
    await page.addInitScript(() => {
      document.addEventListener('change', () => { window.__chosenAt = performance.now(); }, true);
      new MutationObserver(() => {
        if (!window.__previewAt && document.querySelector('[data-testid=import-confirm]')) window.__previewAt = performance.now();
        if (!window.__storedAt && document.querySelector('[data-testid=import-outcome]')) window.__storedAt = performance.now();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${origin}/office/#/import`);
    await page.evaluate(
      () =>
        new Promise((resolve) => {
          const open = indexedDB.open('field-ledger');
          open.onsuccess = () => {
            const names = [...open.result.objectStoreNames];
            const transaction = open.result.transaction(names, 'readwrite');
            for (const name of names) transaction.objectStore(name).clear();
            transaction.oncomplete = () => { open.result.close(); resolve(); };
          };
        }),
    );
    await page.reload();
    await page.getByTestId('import-files').waitFor({ state: 'attached' });
    await page.waitForFunction(() => !document.querySelector('[data-testid=import-files]').disabled);
    await page.getByTestId('import-files').setInputFiles(paths);
    await page.waitForFunction(() => window.__previewAt !== undefined);
    toPreview.push(await page.evaluate(() => window.__previewAt - window.__chosenAt));
    tally = (await page.getByTestId('tally-events').locator('td').allTextContents()).join('/');
    await page.evaluate(() => {
      window.__confirmAt = performance.now();
      document.querySelector('[data-testid=import-confirm]').click();
    });
    await page.waitForFunction(() => window.__storedAt !== undefined);
    toStored.push(await page.evaluate(() => window.__storedAt - window.__confirmAt));
    await page.close();
  }
  console.log(
    `  merge of 10 files × 1,000 events (8,200 distinct, new/updated/unchanged/deleted/conflicts ${tally}): ` +
      `choose → preview median ${median(toPreview).toFixed(0)} ms, confirm → stored and shown median ` +
      `${median(toStored).toFixed(0)} ms, total ${(median(toPreview) + median(toStored)).toFixed(0)} ms over 3 runs [target ≤ 1 s]`,
  );
}
