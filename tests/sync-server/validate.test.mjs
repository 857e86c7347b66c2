// The validate functions of server/couchdb/validate_doc_update.js called directly, as CouchDB
// calls them, for the cases an HTTP test cannot reach (a member listed by name without the role,
// a version saved before the rules) and for the exact time comparison. rules.test.mjs checks
// them through a real server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'acorn';
import { plansDesign, unitDesign } from '../../server/couchdb/couch-json.mjs';

// Compiled as CouchDB does: the design document's string is an expression that is a function.
const compile = (design) => new Function(`return ${design.validate_doc_update}`)();
const food = compile(unitDesign('food'));
const plans = compile(plansDesign());

const TABLET = { name: 'tablet-food-01', roles: ['fl-tablet', 'fl-unit:food'] };
const OTHER_TABLET = { name: 'tablet-metrology-01', roles: ['fl-tablet', 'fl-unit:metrology-institute'] };
const OFFICE = { name: 'quality-section', roles: ['fl-office'] };
const ADMIN = { name: 'admin', roles: ['_admin'] };
const SECURITY = { members: { roles: ['fl-unit:food', 'fl-office'] } };

function doc(updated_at = '2021-09-15T02:00:00Z', revision = 3, extra = {}) {
  return { _id: 'event:e1', kind: 'event', owner_unit: 'food', rank: { revision, updated_at }, record: {}, ...extra };
}

function refusal(fn, newDoc, oldDoc, userCtx) {
  try {
    fn(newDoc, oldDoc, userCtx, SECURITY);
  } catch (error) {
    assert.equal(typeof error.forbidden, 'string', `throws {forbidden}, got ${JSON.stringify(error)}`);
    return error.forbidden;
  }
  return null;
}

test('the functions are plain ES5 (CouchDB runs them in SpiderMonkey or QuickJS) and name their unit', () => {
  for (const design of [unitDesign('food'), unitDesign('office-wanghailou'), plansDesign()]) {
    assert.doesNotThrow(() => parse(`(${design.validate_doc_update})`, { ecmaVersion: 5 }));
    assert.match(design.validate_doc_update, /^function \(newDoc, oldDoc, userCtx, secObj\) \{/);
  }
  assert.match(unitDesign('office-wanghailou').validate_doc_update, /var UNIT = "office-wanghailou";/);
  assert.throws(() => unitDesign('Food Section'), /cannot name a database/);
  assert.throws(() => unitDesign('food"; x = "'), /cannot name a database/);
});

test('who: the unit role, fl-office or a server admin; a member by name alone is not enough', () => {
  for (const user of [TABLET, OFFICE, ADMIN]) assert.equal(refusal(food, doc(), null, user), null, user.name);
  assert.match(refusal(food, doc(), null, OTHER_TABLET), /records of unit "food"/);
  assert.match(refusal(food, doc(), null, { name: 'listed-by-name', roles: [] }), /may not write/);
  assert.match(refusal(food, doc(), null, { name: null, roles: [] }), /may not write/);
});

test('the rank compares revision first, then the change time as a time', () => {
  const cases = [
    // [old updated_at, old revision, new updated_at, new revision, allowed]
    ['2021-09-15T02:00:00Z', 3, '2021-09-14T00:00:00Z', 4, true],
    ['2021-09-15T02:00:00Z', 3, '2021-09-16T00:00:00Z', 2, false],
    ['2021-09-15T02:00:00Z', 3, '2021-09-15T02:00:00Z', 3, true],
    ['2021-09-15T02:00:00Z', 3, '2021-09-15T02:00:00.000Z', 3, true],
    ['2021-09-15T02:00:00Z', 3, '2021-09-15T02:00:00.001Z', 3, true],
    ['2021-09-15T02:00:00.5Z', 3, '2021-09-15T02:00:00Z', 3, false],
    ['2021-09-15T02:00:00.5Z', 3, '2021-09-15T02:00:00.499999999Z', 3, false],
    ['2021-09-15T02:00:00.5Z', 3, '2021-09-15T02:00:00.500000001Z', 3, true],
    ['2021-09-15T02:00:00.123456Z', 3, '2021-09-15T02:00:00.123Z', 3, false],
    ['2021-09-15T02:00:59Z', 3, '2021-09-15T02:01:00Z', 3, true],
    ['2021-09-15T02:00:00Z', 9, '2021-09-15T02:00:00Z', 10, true],
  ];
  for (const [oldTime, oldRevision, newTime, newRevision, allowed] of cases) {
    const reason = refusal(food, doc(newTime, newRevision), doc(oldTime, oldRevision), TABLET);
    assert.equal(reason === null, allowed, `${oldRevision}@${oldTime} → ${newRevision}@${newTime}: ${reason}`);
    if (!allowed) assert.match(reason, /rank must not go down/);
  }
});

test('the rank must be well formed; an old version without one is not compared', () => {
  assert.match(refusal(food, doc('2021-09-15T02:00:00+08:00'), null, TABLET), /rank\.updated_at/);
  assert.match(refusal(food, doc('2021-09-15T02:00:00.1234567891Z'), null, TABLET), /rank\.updated_at/);
  assert.match(refusal(food, doc(null), null, TABLET), /rank\.updated_at/);
  assert.match(refusal(food, doc('2021-09-15T02:00:00Z', 1.5), null, TABLET), /rank\.revision/);
  assert.match(refusal(food, doc('2021-09-15T02:00:00Z', '3'), null, TABLET), /rank\.revision/);
  assert.match(refusal(food, { ...doc(), rank: [3, 'x'] }, null, TABLET), /rank/);
  assert.equal(refusal(food, doc(), { _id: 'event:e1', owner_unit: 'food' }, TABLET), null);
});

test('server-identity: server admins only, with an identity', () => {
  const identity = { _id: 'server-identity', identity: 'b1e3c0de-0000-4000-8000-000000000000' };
  assert.equal(refusal(food, identity, null, ADMIN), null);
  assert.match(refusal(food, identity, null, OFFICE), /server-identity/);
  assert.match(refusal(food, identity, null, TABLET), /server-identity/);
  assert.match(refusal(food, { _id: 'server-identity' }, null, ADMIN), /identity/);
  assert.equal(refusal(plans, identity, null, ADMIN), null);
  assert.match(refusal(plans, identity, null, OFFICE), /server-identity/);
});

test('admins too keep the document rules: prefix, kind, owner, rank', () => {
  assert.match(refusal(food, { ...doc(), _id: 'misc:1' }, null, ADMIN), /_id/);
  assert.match(refusal(food, doc('2021-09-15T02:00:00Z', 1), doc(), ADMIN), /rank/);
  assert.match(refusal(food, { ...doc(), owner_unit: 'quality' }, null, ADMIN), /owner_unit/);
});

test('deletions: conflict documents freely, record leaves only with kind, owner and a rank not lower', () => {
  const conflict = { _id: 'conflict:event:e1:0123456789abcdef', _deleted: true };
  assert.equal(refusal(food, conflict, null, TABLET), null);
  assert.equal(refusal(food, conflict, null, OFFICE), null);
  assert.match(refusal(food, conflict, null, OTHER_TABLET), /may not write/);

  const held = doc('2021-09-15T02:00:00Z', 3);
  assert.match(refusal(food, { _id: 'event:e1', _deleted: true }, held, TABLET), /_deleted/);
  const retire = (revision, extra = {}) => ({ _id: 'event:e1', _deleted: true, kind: 'event', owner_unit: 'food', rank: { revision, updated_at: '2021-09-15T02:00:00Z' }, ...extra });
  assert.equal(refusal(food, retire(3), held, TABLET), null);
  assert.equal(refusal(food, retire(4), held, OFFICE), null);
  assert.match(refusal(food, retire(2), held, TABLET), /rank must not go down/);
  assert.match(refusal(food, retire(3, { owner_unit: 'quality' }), held, TABLET), /owner_unit/);
  assert.match(refusal(food, retire(3, { kind: 'photo' }), held, TABLET), /kind/);
  assert.match(refusal(food, { _id: 'server-identity', _deleted: true }, null, TABLET), /server-identity/);
});

test('_id shapes of the contract', () => {
  const allowed = ['event:a', 'roster:a:b', 'photo:a:b', 'conflict:event:a:0123456789abcdef', 'conflict:roster:a:b:fedcba9876543210'];
  const refused = ['event:', 'event:a:b', 'roster:a', 'photo:a:b:c', 'conflict:event:a', 'conflict:event:a:0123456789ABCDEF', 'conflict:plan:a:0123456789abcdef', 'Event:a', '_local/x'];
  for (const id of allowed) {
    const kind = id.split(':')[0];
    assert.equal(refusal(food, { ...doc(), _id: id, kind }, null, TABLET), null, id);
  }
  for (const id of refused) {
    assert.match(refusal(food, { ...doc(), _id: id, kind: id.split(':')[0] }, null, TABLET) ?? 'accepted', /_id/, id);
  }
});

test('fl-plans: the Quality Section and server admins publish plan:<campaign id> documents', () => {
  const plan = { _id: 'plan:qm-2022', kind: 'plan', campaign_id: 'qm-2022', plan: { id: 'qm-2022' } };
  assert.equal(refusal(plans, plan, null, OFFICE), null);
  assert.equal(refusal(plans, plan, null, ADMIN), null);
  assert.match(refusal(plans, plan, null, TABLET), /fl-office/);
  assert.match(refusal(plans, { ...plan, _deleted: true }, plan, TABLET), /fl-office/);
  assert.equal(refusal(plans, { _id: 'plan:qm-2022', _deleted: true }, plan, OFFICE), null);
  assert.match(refusal(plans, { ...plan, _id: 'qm-2022' }, null, OFFICE), /_id/);
  assert.match(refusal(plans, { ...plan, kind: 'event' }, null, OFFICE), /kind/);
  assert.match(refusal(plans, { ...plan, campaign_id: 'qm-2021' }, null, OFFICE), /campaign_id/);
  assert.match(refusal(plans, { ...plan, plan: { id: 'qm-2021' } }, null, OFFICE), /plan must be/);
});
