// server.mjs itself: data kept across a crash and a stop when started with --data (LevelDB), and
// sessions that expire. The fault tests of the sync (server stopped mid-push, started again with
// its data) stand on these.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ADMIN, client, runScript, startServer } from './harness.mjs';

const TABLET = { name: 'tablet-food-01', password: 'food pass' };
const running = new Set();
const dirs = [];

async function start(options) {
  const server = await startServer(options);
  running.add(server);
  return server;
}
async function end(server, how) {
  const exit = await server[how]();
  running.delete(server);
  return exit;
}

after(async () => {
  for (const server of running) await server.kill();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

test('with --data, databases, accounts, rules and sessions outlive a crash (SIGKILL) and a stop', async () => {
  const data = await mkdtemp(path.join(tmpdir(), 'fl-sync-data-'));
  dirs.push(data);
  let server = await start({ data });
  assert.equal((await runScript('provision.sh', [], server.url)).code, 0);
  assert.equal((await runScript('add-account.sh', ['tablet', TABLET.name, TABLET.password, 'food'], server.url)).code, 0);
  const id = `event:${crypto.randomUUID()}`;
  const doc = { _id: id, kind: 'event', owner_unit: 'food', rank: { revision: 1, updated_at: '2021-09-01T00:00:00Z' }, record: {} };
  const written = await client(server.url, TABLET).put(`/fl-unit-food/${id}`, doc);
  assert.equal(written.status, 201);
  const login = await client(server.url).post('/_session', { name: TABLET.name, password: TABLET.password });
  const cookie = /AuthSession=[^;]+/.exec(login.headers.get('set-cookie'))[0];
  const identity = (await client(server.url, ADMIN).get('/fl-unit-food/server-identity')).body;

  for (const how of ['kill', 'stop']) {
    const exit = await end(server, how);
    assert.equal(how === 'kill' ? exit.signal : exit.code, how === 'kill' ? 'SIGKILL' : 0);
    server = await start({ data });
    const tablet = client(server.url, TABLET);
    assert.equal((await tablet.get(`/fl-unit-food/${id}`)).body._rev, written.body.rev, `the record after ${how}`);
    assert.deepEqual((await client(server.url, ADMIN).get('/fl-unit-food/server-identity')).body, identity);
    assert.equal((await client(server.url, { cookie }).get('/fl-unit-food/_all_docs')).status, 200, 'the session cookie still works');
    assert.equal((await tablet.get('/fl-unit-metrology-institute/_all_docs')).status, 401, '_security kept');
    const lower = await tablet.put(`/fl-unit-food/${id}`, { ...doc, rank: { revision: 0, updated_at: '2021-09-01T00:00:00Z' }, _rev: written.body.rev });
    assert.equal(lower.status, 403, 'the validate function kept');
    const again = await runScript('provision.sh', [], server.url);
    for (const line of again.lines) assert.match(line, /already in place/);
  }
  await end(server, 'stop');
});

test('without --data, a restart starts empty (the in-memory adapter)', async () => {
  let server = await start({});
  assert.equal((await runScript('provision.sh', [], server.url)).code, 0);
  await end(server, 'stop');
  server = await start({});
  const dbs = (await client(server.url, ADMIN).get('/_all_dbs')).body;
  assert.ok(!dbs.includes('fl-plans'), JSON.stringify(dbs));
  await end(server, 'stop');
});

test('--session-timeout: an AuthSession cookie expires, and logging in again renews it', async () => {
  const server = await start({ sessionTimeout: 4 });
  assert.equal((await runScript('provision.sh', [], server.url)).code, 0);
  assert.equal((await runScript('add-account.sh', ['tablet', TABLET.name, TABLET.password, 'food'], server.url)).code, 0);
  const login = async () => /AuthSession=[^;]+/.exec((await client(server.url).post('/_session', TABLET)).headers.get('set-cookie'))[0];
  const cookie = await login();
  assert.equal((await client(server.url, { cookie }).get('/fl-unit-food/_all_docs')).status, 200);
  await sleep(5_500);
  const expired = client(server.url, { cookie });
  assert.equal((await expired.get('/_session')).body.userCtx.name, null);
  assert.equal((await expired.get('/fl-unit-food/_all_docs')).status, 401);
  assert.equal((await client(server.url, { cookie: await login() }).get('/fl-unit-food/_all_docs')).status, 200);
  await end(server, 'stop');
});
