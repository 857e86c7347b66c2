// The server side of docs/sync-protocol.md, "Rights", for real: PouchDB Server (server.mjs) as a
// child process, set up by the repo's own server/couchdb/provision.sh and add-account.sh, then
// spoken to over HTTP as each account.
//
//   node --test tests/sync-server/
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ADMIN, ROOT, client, runScript, startServer } from './harness.mjs';

const PLAN_FILE = path.join(ROOT, 'src/domain/plans/quality-month-2021.json');
const FOOD = { name: 'tablet-food-01', password: 'food pass 1' };
const METROLOGY = { name: 'tablet-metrology-01', password: 'metrology pass 1' };
const OFFICE = { name: 'quality-section', password: 'office pass 1' };

let server;
let admin, food, metrology, office, anonymous;
let firstProvision;

const uuid = () => crypto.randomUUID();
const at = (day, time = '02:00:00') => `2021-09-${String(day).padStart(2, '0')}T${time}Z`;

// A record document as docs/sync-protocol.md shows it.
function recordDoc(id, { kind = id.split(':')[0], owner = 'food', revision = 1, updated_at = at(1), ...rest } = {}) {
  return { _id: id, kind, owner_unit: owner, campaign_id: 'quality-month-2021', rank: { revision, updated_at }, record: { note: `r${revision}` }, ...rest };
}

function assertRefused(response, field) {
  assert.equal(response.status, 403, JSON.stringify(response.body));
  assert.equal(response.body.error, 'forbidden');
  assert.match(response.body.reason, new RegExp(field), `the reason names ${field}: ${response.body.reason}`);
}

function assertKeptOut(response) {
  assert.ok([401, 403].includes(response.status), `401 or 403, got ${response.status} ${JSON.stringify(response.body)}`);
  assert.ok(response.body.reason, 'with a reason');
}

// Every database's update_seq and the server identities: what a second provisioning must not move.
async function snapshot() {
  const names = (await admin.get('/_all_dbs')).body.filter((name) => name.startsWith('fl-'));
  const state = {};
  for (const name of names) {
    const info = (await admin.get(`/${name}`)).body;
    const identity = (await admin.get(`/${name}/server-identity`)).body;
    state[name] = { update_seq: info.update_seq, doc_count: info.doc_count, identity: identity.identity, identity_rev: identity._rev };
  }
  return state;
}

before(async () => {
  server = await startServer();
  admin = client(server.url, ADMIN);
  food = client(server.url, FOOD);
  metrology = client(server.url, METROLOGY);
  office = client(server.url, OFFICE);
  anonymous = client(server.url);

  firstProvision = await runScript('provision.sh', [], server.url);
  assert.equal(firstProvision.code, 0, firstProvision.stderr);
  for (const [role, account, unit] of [
    ['tablet', FOOD, 'food'],
    ['tablet', METROLOGY, 'metrology-institute'],
    ['office', OFFICE],
  ]) {
    const result = await runScript('add-account.sh', [role, account.name, account.password, ...(unit ? [unit] : [])], server.url);
    assert.equal(result.code, 0, result.stderr);
  }
});

after(async () => {
  if (server) {
    const { code } = await server.stop();
    assert.equal(code, 0, `the server stops cleanly on SIGTERM: ${server.stderr()}`);
  }
});

describe('provision.sh', () => {
  test('makes fl-plans and a database per unit of the plan, but none for the offices placeholder', async () => {
    const plan = JSON.parse(await readFile(PLAN_FILE, 'utf8'));
    const units = plan.units.filter((unit) => !unit.placeholder).map((unit) => unit.id);
    const placeholders = plan.units.filter((unit) => unit.placeholder).map((unit) => unit.id);
    assert.ok(placeholders.length > 0, 'the built-in plan has the offices placeholder');
    const dbs = (await admin.get('/_all_dbs')).body;
    for (const unit of units) assert.ok(dbs.includes(`fl-unit-${unit}`), `fl-unit-${unit}`);
    for (const unit of placeholders) assert.ok(!dbs.includes(`fl-unit-${unit}`), `no database for ${unit}`);
    assert.ok(dbs.includes('fl-plans'));

    // One line per step, each saying what it did.
    for (const db of ['fl-plans', ...units.map((unit) => `fl-unit-${unit}`)]) {
      for (const line of [`${db}: database created`, `${db}/_design/field-ledger: design document installed`, `${db}/_security: set`]) {
        assert.ok(firstProvision.lines.includes(line), `prints "${line}"`);
      }
      assert.ok(firstProvision.lines.some((line) => line.startsWith(`${db}/server-identity: written (`)), `${db} identity written`);
    }
    assert.ok(firstProvision.lines.includes('fl-plans/plan:quality-month-2021: plan installed'));
  });

  test('sets _security: the unit role and the Quality Section as members, server admins only as admins', async () => {
    assert.deepEqual((await admin.get('/fl-unit-food/_security')).body, {
      admins: { names: [], roles: [] },
      members: { names: [], roles: ['fl-unit:food', 'fl-office'] },
    });
    assert.deepEqual((await admin.get('/fl-plans/_security')).body.members, { names: [], roles: ['fl-tablet', 'fl-office'] });
  });

  test('installs a validate function with the database unit in its code, and the plan as plan:<campaign id>', async () => {
    const design = (await admin.get('/fl-unit-metrology-institute/_design/field-ledger')).body;
    assert.match(design.validate_doc_update, /var UNIT = "metrology-institute";/);
    assert.doesNotMatch(design.validate_doc_update, /__FIELD_LEDGER_UNIT__/);
    const planDoc = (await food.get('/fl-plans/plan:quality-month-2021')).body;
    assert.equal(planDoc.kind, 'plan');
    assert.equal(planDoc.campaign_id, 'quality-month-2021');
    assert.deepEqual(planDoc.plan, JSON.parse(await readFile(PLAN_FILE, 'utf8')));
  });

  test('run again changes nothing and never rewrites server-identity', async () => {
    const before = await snapshot();
    const again = await runScript('provision.sh', [], server.url);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.lines.length, firstProvision.lines.length, 'one line per step, as the first time');
    for (const line of again.lines) assert.match(line, /already in place/, line);
    assert.deepEqual(await snapshot(), before);
  });

  test('brings back a changed design document or _security, and updates a changed plan, keeping the identity', async () => {
    const identity = (await admin.get('/fl-unit-food/server-identity')).body;
    const design = (await admin.get('/fl-unit-food/_design/field-ledger')).body;
    assert.equal((await admin.put('/fl-unit-food/_design/field-ledger', { ...design, validate_doc_update: 'function () {}' })).status, 201);
    assert.equal((await admin.put('/fl-unit-food/_security', { members: { roles: ['anyone'] } })).status, 200);

    const dir = await mkdtemp(path.join(tmpdir(), 'fl-plan-'));
    try {
      const plan = JSON.parse(await readFile(PLAN_FILE, 'utf8'));
      plan.theme = `${plan.theme} (revised)`;
      const revised = path.join(dir, 'plan.json');
      await writeFile(revised, JSON.stringify(plan));
      const result = await runScript('provision.sh', [revised], server.url);
      assert.equal(result.code, 0, result.stderr);
      const changed = result.lines.filter((line) => !/already in place/.test(line));
      assert.deepEqual(changed.sort(), [
        'fl-plans/plan:quality-month-2021: plan updated',
        'fl-unit-food/_design/field-ledger: design document updated',
        'fl-unit-food/_security: set',
      ]);
      assert.equal((await food.get('/fl-plans/plan:quality-month-2021')).body.plan.theme, plan.theme);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const restored = await runScript('provision.sh', [], server.url);
    assert.ok(restored.lines.includes('fl-plans/plan:quality-month-2021: plan updated'));
    assert.equal((await admin.get('/fl-unit-food/_design/field-ledger')).body.validate_doc_update, design.validate_doc_update);
    assert.deepEqual((await admin.get('/fl-unit-food/server-identity')).body, identity);
  });

  test('refuses a plan whose unit ID cannot name a database, before touching the server', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'fl-plan-'));
    try {
      const plan = JSON.parse(await readFile(PLAN_FILE, 'utf8'));
      plan.units.push({ id: 'Bad Unit', name: { zh: '坏', en: 'Bad' }, placeholder: false });
      const bad = path.join(dir, 'plan.json');
      await writeFile(bad, JSON.stringify(plan));
      const before = await snapshot();
      const result = await runScript('provision.sh', [bad], server.url);
      assert.notEqual(result.code, 0);
      assert.match(result.stderr, /Bad Unit/);
      assert.deepEqual(await snapshot(), before);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('add-account.sh', () => {
  test('gives a tablet the roles fl-tablet and fl-unit:<unit>, the Quality Section fl-office', async () => {
    assert.deepEqual((await admin.get(`/_users/org.couchdb.user:${FOOD.name}`)).body.roles, ['fl-tablet', 'fl-unit:food']);
    assert.deepEqual((await admin.get(`/_users/org.couchdb.user:${OFFICE.name}`)).body.roles, ['fl-office']);
  });

  test('is idempotent, and updates a password or roles keeping the _rev chain', async () => {
    const args = ['tablet', 'tablet-food-02', 'first', 'food'];
    assert.match((await runScript('add-account.sh', args, server.url)).stdout, /account tablet-food-02: created \(tablet, unit food\)/);
    const created = (await admin.get('/_users/org.couchdb.user:tablet-food-02')).body;
    const again = await runScript('add-account.sh', args, server.url);
    assert.match(again.stdout, /account tablet-food-02: already in place/);
    assert.equal((await admin.get('/_users/org.couchdb.user:tablet-food-02')).body._rev, created._rev);

    const changed = await runScript('add-account.sh', ['tablet', 'tablet-food-02', 'second', 'quality'], server.url);
    assert.match(changed.stdout, /account tablet-food-02: updated password and roles \(tablet, unit quality\)/);
    const updated = (await admin.get('/_users/org.couchdb.user:tablet-food-02')).body;
    assert.equal(Number.parseInt(updated._rev, 10), Number.parseInt(created._rev, 10) + 1);
    assert.deepEqual(updated.roles, ['fl-tablet', 'fl-unit:quality']);
    assert.equal((await anonymous.post('/_session', { name: 'tablet-food-02', password: 'first' })).status, 401);
    assert.equal((await anonymous.post('/_session', { name: 'tablet-food-02', password: 'second' })).status, 200);
  });

  test("makes an office's database as provision.sh makes a unit's", async () => {
    const result = await runScript('add-account.sh', ['tablet', 'tablet-wanghailou-01', 'office pass', 'office-wanghailou'], server.url);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(result.lines.slice(0, 4), [
      'fl-unit-office-wanghailou: database created',
      'fl-unit-office-wanghailou/_design/field-ledger: design document installed',
      'fl-unit-office-wanghailou/_security: set',
      result.lines[3],
    ]);
    assert.match(result.lines[3], /^fl-unit-office-wanghailou\/server-identity: written \([0-9a-f-]{36}\)$/);
    assert.match((await admin.get('/fl-unit-office-wanghailou/_design/field-ledger')).body.validate_doc_update, /var UNIT = "office-wanghailou";/);
    const tablet = client(server.url, { name: 'tablet-wanghailou-01', password: 'office pass' });
    const doc = recordDoc(`event:${uuid()}`, { owner: 'office-wanghailou' });
    assert.equal((await tablet.put(`/fl-unit-office-wanghailou/${doc._id}`, doc)).status, 201);
    assert.equal((await office.get(`/fl-unit-office-wanghailou/${doc._id}`)).status, 200);
    assertKeptOut(await food.get('/fl-unit-office-wanghailou/_all_docs'));
  });

  test('refuses a unit that has no database and is no office, and bad arguments', async () => {
    const typo = await runScript('add-account.sh', ['tablet', 'tablet-x', 'pw', 'fod'], server.url);
    assert.notEqual(typo.code, 0);
    assert.match(typo.stderr, /no database fl-unit-fod/);
    assert.ok(!(await admin.get('/_all_dbs')).body.includes('fl-unit-fod'));
    assert.equal((await admin.get('/_users/org.couchdb.user:tablet-x')).status, 404);
    assert.notEqual((await runScript('add-account.sh', ['tablet', 'tablet-y', 'pw'], server.url)).code, 0);
    assert.notEqual((await runScript('add-account.sh', ['reader', 'someone', 'pw'], server.url)).code, 0);
    assert.notEqual((await runScript('add-account.sh', ['tablet', 'tablet-z', 'pw', 'Office Z'], server.url)).code, 0);
  });
});

describe('a tablet of food', () => {
  test('creates and updates event:, roster: and photo: documents of food in fl-unit-food', async () => {
    const event = uuid();
    for (const id of [`event:${event}`, `roster:${event}:${uuid()}`, `photo:${event}:${uuid()}`]) {
      const created = await food.put(`/fl-unit-food/${id}`, recordDoc(id));
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const updated = await food.put(`/fl-unit-food/${id}`, { ...recordDoc(id, { revision: 2, updated_at: at(2) }), _rev: created.body.rev });
      assert.equal(updated.status, 201, JSON.stringify(updated.body));
      // The same rank again (a re-push, or a merge that only folds in other leaves) is no lowering.
      const same = await food.put(`/fl-unit-food/${id}`, { ...recordDoc(id, { revision: 2, updated_at: at(2) }), _rev: updated.body.rev });
      assert.equal(same.status, 201, JSON.stringify(same.body));
    }
  });

  test("uploads a photo's image as an attachment PUT", async () => {
    const id = `photo:${uuid()}:${uuid()}`;
    const created = await food.put(`/fl-unit-food/${id}`, recordDoc(id));
    const image = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);
    const uploaded = await food.request('PUT', `/fl-unit-food/${id}/image?rev=${created.body.rev}`, image, { 'content-type': 'image/jpeg' });
    assert.equal(uploaded.status, 201, JSON.stringify(uploaded.body));
    const stored = await fetch(`${server.url}/fl-unit-food/${id}/image`, {
      headers: { authorization: `Basic ${Buffer.from(`${FOOD.name}:${FOOD.password}`).toString('base64')}` },
    });
    assert.equal(stored.headers.get('content-type'), 'image/jpeg');
    assert.deepEqual(new Uint8Array(await stored.arrayBuffer()), image);
  });

  test("puts a photo's image in a document image:<photo> of its own, with the image as its attachment", async () => {
    const photo = uuid();
    const id = `image:${photo}`;
    const doc = { kind: 'image', owner_unit: 'food', event_id: uuid(), photo_id: photo };
    const created = await food.put(`/fl-unit-food/${id}`, doc);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const image = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 4, 5, 6, 0xff, 0xd9]);
    const uploaded = await food.request('PUT', `/fl-unit-food/${id}/image?rev=${created.body.rev}`, image, { 'content-type': 'image/jpeg' });
    assert.equal(uploaded.status, 201, JSON.stringify(uploaded.body));
    const stored = await fetch(`${server.url}/fl-unit-food/${id}/image`, {
      headers: { authorization: `Basic ${Buffer.from(`${FOOD.name}:${FOOD.password}`).toString('base64')}` },
    });
    assert.deepEqual(new Uint8Array(await stored.arrayBuffer()), image);
    // Its owner is fixed, it names its photo, it is not deleted, and another unit cannot write it.
    const current = (await food.get(`/fl-unit-food/${id}`)).body;
    assertRefused(await food.put(`/fl-unit-food/${id}`, { ...current, owner_unit: 'metrology-institute' }), 'owner_unit');
    const other = uuid();
    assertRefused(await food.put(`/fl-unit-food/image:${other}`, { ...doc, photo_id: photo }), 'photo_id');
    assertRefused(await food.put(`/fl-unit-food/image:${other}`, { ...doc, photo_id: other, kind: 'photo' }), 'kind');
    assertRefused(await food.del(`/fl-unit-food/${id}?rev=${current._rev}`), 'image');
    assertKeptOut(await metrology.put(`/fl-unit-food/image:${uuid()}`, { ...doc, photo_id: undefined }));
  });

  test("cannot write, read or follow another unit's database", async () => {
    const doc = recordDoc(`event:${uuid()}`, { owner: 'metrology-institute' });
    assertKeptOut(await food.put(`/fl-unit-metrology-institute/${doc._id}`, doc));
    // CouchDB refuses the whole request; PouchDB Server answers 201 with every document refused.
    const bulk = await food.post('/fl-unit-metrology-institute/_bulk_docs', { docs: [doc] });
    if (bulk.status === 201) assert.deepEqual(bulk.body.map((row) => row.error), ['unauthorized']);
    else assertKeptOut(bulk);
    assertKeptOut(await food.get('/fl-unit-metrology-institute'));
    assertKeptOut(await food.get('/fl-unit-metrology-institute/_all_docs'));
    assertKeptOut(await food.get('/fl-unit-metrology-institute/_changes?include_docs=true'));
    assertKeptOut(await food.get('/fl-unit-metrology-institute/server-identity'));
    assert.equal((await metrology.get(`/fl-unit-metrology-institute/${doc._id}`)).status, 404, 'nothing was written');
  });

  test("is refused a document of another owner in its own database", async () => {
    const doc = recordDoc(`event:${uuid()}`, { owner: 'metrology-institute' });
    assertRefused(await food.put(`/fl-unit-food/${doc._id}`, doc), 'owner_unit');
  });

  test('cannot change owner_unit', async () => {
    const id = `event:${uuid()}`;
    const created = await food.put(`/fl-unit-food/${id}`, recordDoc(id));
    const moved = await food.put(`/fl-unit-food/${id}`, { ...recordDoc(id, { owner: 'metrology-institute', revision: 2, updated_at: at(2) }), _rev: created.body.rev });
    assertRefused(moved, 'owner_unit');
    assert.match(moved.body.reason, /fixed/);
  });

  test('cannot lower a rank: revision, then change time (fractions of a second compared as times)', async () => {
    const id = `event:${uuid()}`;
    const created = await food.put(`/fl-unit-food/${id}`, recordDoc(id, { revision: 3, updated_at: '2021-09-15T02:00:00.5Z' }));
    assert.equal(created.status, 201);
    const rev = created.body.rev;
    assertRefused(await food.put(`/fl-unit-food/${id}`, { ...recordDoc(id, { revision: 2, updated_at: at(20) }), _rev: rev }), 'rank');
    // "…:00Z" is half a second before "…:00.5Z", though it sorts after it as a string.
    assertRefused(await food.put(`/fl-unit-food/${id}`, { ...recordDoc(id, { revision: 3, updated_at: '2021-09-15T02:00:00Z' }), _rev: rev }), 'rank');
    assertRefused(await food.put(`/fl-unit-food/${id}`, { ...recordDoc(id, { revision: 3, updated_at: '2021-09-15T02:00:00.499999Z' }), _rev: rev }), 'rank');
    const later = await food.put(`/fl-unit-food/${id}`, { ...recordDoc(id, { revision: 3, updated_at: '2021-09-15T02:00:00.500001Z' }), _rev: rev });
    assert.equal(later.status, 201, JSON.stringify(later.body));
    // A rank that is not one is refused too, naming the field.
    assertRefused(await food.put(`/fl-unit-food/${id}`, { ...recordDoc(id, { revision: 4, updated_at: '2021-09-15 02:00' }), _rev: later.body.rev }), 'rank.updated_at');
    assertRefused(await food.put(`/fl-unit-food/${id}`, { ...recordDoc(id, { revision: -1 }), _rev: later.body.rev }), 'rank.revision');
  });

  test('cannot lower a rank with _bulk_docs, new_edits:false either; a higher rank replicates with its history', async () => {
    const id = `event:${uuid()}`;
    const one = await food.put(`/fl-unit-food/${id}`, recordDoc(id, { revision: 1, updated_at: at(1) }));
    const two = await food.put(`/fl-unit-food/${id}`, { ...recordDoc(id, { revision: 2, updated_at: at(2) }), _rev: one.body.rev });
    const history = [two.body.rev, one.body.rev].map((rev) => rev.split('-')[1]);

    const stale = await food.post('/fl-unit-food/_bulk_docs', { docs: [{ ...recordDoc(id, { revision: 1, updated_at: at(9) }), _rev: two.body.rev }] });
    assert.equal(stale.status, 201);
    assert.equal(stale.body[0].error, 'forbidden');
    assert.match(stale.body[0].reason, /rank/);

    // A replicated revision on top of the server's: same rule.
    const replicated = (revision, hash) => ({
      ...recordDoc(id, { revision, updated_at: at(revision) }),
      _rev: `3-${hash}`,
      _revisions: { start: 3, ids: [hash, ...history] },
    });
    const lower = await food.post('/fl-unit-food/_bulk_docs', { new_edits: false, docs: [replicated(1, 'a'.repeat(32))] });
    assert.equal(lower.status, 201);
    assert.equal(lower.body.length, 1, 'the refusal is reported');
    assert.equal(lower.body[0].error, 'forbidden');
    assert.match(lower.body[0].reason, /rank/);
    let stored = (await food.get(`/fl-unit-food/${id}?revs=true&conflicts=true`)).body;
    assert.equal(stored._rev, two.body.rev);
    assert.equal(stored._conflicts, undefined);

    const higher = await food.post('/fl-unit-food/_bulk_docs', { new_edits: false, docs: [replicated(5, 'b'.repeat(32))] });
    assert.deepEqual(higher.body, [], 'accepted (CouchDB lists only errors under new_edits:false)');
    stored = (await food.get(`/fl-unit-food/${id}?revs=true`)).body;
    assert.equal(stored._rev, `3-${'b'.repeat(32)}`);
    assert.equal(stored.rank.revision, 5);
    assert.deepEqual(stored._revisions, { start: 3, ids: ['b'.repeat(32), ...history] }, 'stored with its own history');

    // A document new to this server, replicated with three revisions, keeps all three.
    const fresh = `event:${uuid()}`;
    const ids = ['f', 'e', 'd'].map((c) => c.repeat(32));
    const copied = await food.post('/fl-unit-food/_bulk_docs', {
      new_edits: false,
      docs: [{ ...recordDoc(fresh, { revision: 3, updated_at: at(3) }), _rev: `3-${ids[0]}`, _revisions: { start: 3, ids } }],
    });
    assert.deepEqual(copied.body, []);
    assert.deepEqual((await food.get(`/fl-unit-food/${fresh}?revs=true`)).body._revisions, { start: 3, ids });
  });

  test('is refused a bad _id prefix or shape, and a kind that does not match it', async () => {
    const event = uuid();
    for (const id of [`record:${event}`, `events:${event}`, `plan:${event}`, 'no-prefix']) {
      assertRefused(await food.put(`/fl-unit-food/${id}`, recordDoc(id, { kind: 'event' })), '_id');
    }
    assertRefused(await food.put(`/fl-unit-food/roster:${event}`, recordDoc(`roster:${event}`)), '_id');
    assertRefused(await food.put(`/fl-unit-food/conflict:event:${event}:xyz`, recordDoc(`conflict:event:${event}:xyz`)), '_id');
    assertRefused(await food.put(`/fl-unit-food/event:${event}`, recordDoc(`event:${event}`, { kind: 'photo' })), 'kind');
    const roster = `roster:${event}:${uuid()}`;
    assertRefused(await food.put(`/fl-unit-food/${roster}`, recordDoc(roster, { kind: 'event' })), 'kind');
    const noRecord = recordDoc(`event:${uuid()}`);
    delete noRecord.record;
    assertRefused(await food.put(`/fl-unit-food/${noRecord._id}`, noRecord), 'record');
  });

  test('cannot write server-identity', async () => {
    const held = (await food.get('/fl-unit-food/server-identity')).body;
    assertRefused(await food.put('/fl-unit-food/server-identity', { ...held, identity: uuid() }), 'server-identity');
  });

  test('deletes conflict documents and superseded leaves, never a record with a bare DELETE', async () => {
    const id = `event:${uuid()}`;
    const one = await food.put(`/fl-unit-food/${id}`, recordDoc(id, { revision: 1, updated_at: at(1) }));
    const two = await food.put(`/fl-unit-food/${id}`, { ...recordDoc(id, { revision: 2, updated_at: at(2) }), _rev: one.body.rev });
    assertRefused(await food.del(`/fl-unit-food/${id}?rev=${two.body.rev}`), '_deleted');
    const bare = await food.post('/fl-unit-food/_bulk_docs', { docs: [{ _id: id, _rev: two.body.rev, _deleted: true }] });
    assert.equal(bare.body[0].error, 'forbidden');
    assert.match(bare.body[0].reason, /_deleted/);

    const conflictId = `conflict:${id}:0123456789abcdef`;
    const conflict = await food.put(`/fl-unit-food/${conflictId}`, { ...recordDoc(conflictId, { revision: 1 }), record_kind: 'event' });
    assert.equal(conflict.status, 201, JSON.stringify(conflict.body));
    assert.equal((await office.del(`/fl-unit-food/${conflictId}?rev=${conflict.body.rev}`)).status, 200);

    // A second leaf beside revision 2, as a replicator leaves one; then the merge: the winner
    // written on the winning leaf, the other leaf deleted carrying the winner's rank.
    const sibling = 'c'.repeat(32);
    const branch = await admin.post('/fl-unit-food/_bulk_docs', {
      new_edits: false,
      docs: [{ ...recordDoc(id, { revision: 3, updated_at: at(3) }), _rev: `2-${sibling}`, _revisions: { start: 2, ids: [sibling, one.body.rev.split('-')[1]] } }],
    });
    assert.deepEqual(branch.body, []);
    const both = (await food.get(`/fl-unit-food/${id}?conflicts=true`)).body;
    assert.equal(both._conflicts?.length, 1, JSON.stringify(both));
    const loser = both._conflicts[0];
    const merged = await food.put(`/fl-unit-food/${id}`, { ...recordDoc(id, { revision: 4, updated_at: at(4) }), _rev: both._rev });
    assert.equal(merged.status, 201, JSON.stringify(merged.body));
    const retired = await food.post('/fl-unit-food/_bulk_docs', {
      docs: [{ _id: id, _rev: loser, _deleted: true, kind: 'event', owner_unit: 'food', rank: { revision: 4, updated_at: at(4) } }],
    });
    assert.equal(retired.body.length, 1);
    assert.equal(retired.body[0].ok, true, JSON.stringify(retired.body));
    const settled = (await food.get(`/fl-unit-food/${id}?conflicts=true`)).body;
    assert.equal(settled._conflicts, undefined);
    assert.equal(settled.rank.revision, 4);
  });
});

describe('the Quality Section', () => {
  test("reads and writes every unit's database", async () => {
    for (const unit of ['food', 'metrology-institute']) {
      const id = `event:${uuid()}`;
      const created = await office.put(`/fl-unit-${unit}/${id}`, recordDoc(id, { owner: unit }));
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const updated = await office.put(`/fl-unit-${unit}/${id}`, { ...recordDoc(id, { owner: unit, revision: 2, updated_at: at(2) }), _rev: created.body.rev });
      assert.equal(updated.status, 201);
      assert.equal((await office.get(`/fl-unit-${unit}/_changes?include_docs=true`)).status, 200);
      assert.equal((await office.get(`/fl-unit-${unit}/${id}`)).body.rank.revision, 2);
    }
  });

  test('cannot change owner_unit or lower a rank either', async () => {
    const id = `event:${uuid()}`;
    const created = await food.put(`/fl-unit-food/${id}`, recordDoc(id, { revision: 2, updated_at: at(2) }));
    assertRefused(await office.put(`/fl-unit-food/${id}`, { ...recordDoc(id, { owner: 'quality', revision: 3, updated_at: at(3) }), _rev: created.body.rev }), 'owner_unit');
    assertRefused(await office.put(`/fl-unit-food/${id}`, { ...recordDoc(id, { revision: 1, updated_at: at(3) }), _rev: created.body.rev }), 'rank');
    const other = recordDoc(`event:${uuid()}`, { owner: 'metrology-institute' });
    assertRefused(await office.put(`/fl-unit-food/${other._id}`, other), 'owner_unit');
  });
});

describe('fl-plans', () => {
  test('tablets read plans and cannot write them; the Quality Section can', async () => {
    for (const tablet of [food, metrology]) {
      assert.equal((await tablet.get('/fl-plans/plan:quality-month-2021')).status, 200);
      assert.equal((await tablet.get('/fl-plans/_changes?include_docs=true')).status, 200);
    }
    const plan = { kind: 'plan', campaign_id: 'quality-month-2022', plan: { id: 'quality-month-2022' } };
    assertRefused(await food.put('/fl-plans/plan:quality-month-2022', plan), 'fl-office');
    const held = (await food.get('/fl-plans/plan:quality-month-2021')).body;
    assertRefused(await food.put('/fl-plans/plan:quality-month-2021', { ...held, plan: { ...held.plan, theme: 'x' } }), 'fl-office');
    assertRefused(await food.del(`/fl-plans/plan:quality-month-2021?rev=${held._rev}`), 'fl-office');

    const published = await office.put('/fl-plans/plan:quality-month-2022', plan);
    assert.equal(published.status, 201, JSON.stringify(published.body));
    assertRefused(await office.put('/fl-plans/campaign-2023', plan), '_id');
    assertRefused(await office.put('/fl-plans/plan:quality-month-2023', plan), 'campaign_id');
    assertRefused(await office.put('/fl-plans/server-identity', { identity: uuid() }), 'server-identity');
    assert.equal((await office.del(`/fl-plans/plan:quality-month-2022?rev=${published.body.rev}`)).status, 200);
  });

  test('is closed to anonymous requests', async () => {
    assertKeptOut(await anonymous.get('/fl-plans/plan:quality-month-2021'));
    assertKeptOut(await anonymous.get('/fl-unit-food/_all_docs'));
  });
});

describe('sessions', () => {
  test('POST /_session sets an AuthSession cookie that authenticates reads and writes with the roles', async () => {
    const login = await anonymous.post('/_session', { name: FOOD.name, password: FOOD.password });
    assert.equal(login.status, 200);
    assert.deepEqual(login.body.roles, ['fl-tablet', 'fl-unit:food']);
    const cookie = /AuthSession=[^;]+/.exec(login.headers.get('set-cookie'))?.[0];
    assert.ok(cookie, login.headers.get('set-cookie'));
    assert.match(login.headers.get('set-cookie'), /HttpOnly/i);

    const session = client(server.url, { cookie });
    const who = await session.get('/_session');
    assert.equal(who.body.userCtx.name, FOOD.name);
    assert.equal(who.body.info.authenticated, 'cookie');
    const id = `event:${uuid()}`;
    assert.equal((await session.put(`/fl-unit-food/${id}`, recordDoc(id))).status, 201);
    assertRefused(await session.put(`/fl-plans/plan:x`, { kind: 'plan', campaign_id: 'x', plan: { id: 'x' } }), 'fl-office');
    assertKeptOut(await session.get('/fl-unit-metrology-institute/_all_docs'));
  });

  test('a wrong password or a forged cookie gets 401', async () => {
    const wrong = await anonymous.post('/_session', { name: FOOD.name, password: 'wrong' });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.body.error, 'unauthorized');
    assert.equal((await client(server.url, { cookie: 'AuthSession=Zm9vOjA6YmFy' }).get('/fl-unit-food/_all_docs')).status, 401);
    assert.equal((await client(server.url, { ...FOOD, password: 'wrong' }).get('/fl-unit-food/_all_docs')).status, 401);
  });
});

describe('PouchDB Server guards (server.mjs)', () => {
  test('creating or deleting a database takes a server admin, and the server survives the attempt', async () => {
    assert.equal((await food.put('/fl-unit-new')).status, 401);
    assert.equal((await anonymous.put('/anything')).status, 401);
    assert.equal((await food.del('/fl-unit-food')).status, 401);
    // Databases still open afterwards (express-pouchdb alone would now fail every one).
    assert.equal((await food.get('/fl-unit-food')).status, 200);
    assert.equal((await metrology.get('/fl-unit-metrology-institute/_all_docs')).status, 200);
  });
});
