#!/usr/bin/env node
// PouchDB Server for the sync tests: the CouchDB HTTP API (express-pouchdb) on 127.0.0.1, standing
// in for the CouchDB 3 cluster a city runs (docs/sync-protocol.md). CouchDB itself is not
// installable on the test machines.
//
//   COUCHDB_ADMIN=admin COUCHDB_PASSWORD=secret node tests/sync-server/server.mjs --port 5984 \
//     [--data DIR] [--session-timeout SECONDS]
//
// - Admin party is OFF: the server admin named by COUCHDB_ADMIN / COUCHDB_PASSWORD exists from
//   the first request on, so anonymous requests get what they would get from a set-up CouchDB.
// - Without --data the databases live in memory and vanish with the process. With --data DIR they
//   are kept in DIR on LevelDB (leveldown ships a prebuilt linux-x64 binary in its npm package: no
//   download, no compiler), so a test can stop the server and start it again with its data kept.
// - --port 0 takes a free port. Prints exactly one line `listening on http://127.0.0.1:N` on stdout
//   when it accepts requests, for a parent process to wait for (and to learn N from).
// - --session-timeout: the AuthSession cookie's lifetime (CouchDB's [chttpd_auth] timeout; 600 s
//   unless given), short for a test of a session that expires.
// - Stops on SIGTERM / SIGINT, and when its parent closes its stdin pipe, if it has one.
//
// Where PouchDB Server differs from CouchDB, code to CouchDB: see tests/sync-server/README.md.
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { existsSync, fstatSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const express = require('express');
const expressPouchDB = require('express-pouchdb');
const PouchDB = require('pouchdb-core')
  .plugin(require('pouchdb-adapter-http'))
  .plugin(require('pouchdb-mapreduce'))
  .plugin(require('pouchdb-replication'));

const { values: args } = parseArgs({
  options: {
    port: { type: 'string' },
    data: { type: 'string' },
    'session-timeout': { type: 'string' },
  },
});
const port = Number(args.port);
const sessionTimeout = args['session-timeout'] === undefined ? 600 : Number(args['session-timeout']);
if (!Number.isInteger(port) || port < 0 || port > 65535 || !Number.isInteger(sessionTimeout) || sessionTimeout <= 0) {
  fail('usage: node tests/sync-server/server.mjs --port N [--data DIR] [--session-timeout SECONDS]');
}
const admin = process.env.COUCHDB_ADMIN;
const password = process.env.COUCHDB_PASSWORD;
if (!admin || !password) {
  fail('COUCHDB_ADMIN and COUCHDB_PASSWORD must name the server admin (admin party stays off)');
}

let ServerPouchDB;
let logPath = '/dev/null';
let secret = null;
if (args.data) {
  const dataDir = path.resolve(args.data);
  mkdirSync(dataDir, { recursive: true });
  PouchDB.plugin(require('pouchdb-adapter-leveldb'));
  // `prefix` makes every database (also _users and the list of databases) a directory in DIR.
  ServerPouchDB = PouchDB.defaults({ adapter: 'leveldb', prefix: dataDir + path.sep });
  logPath = path.join(dataDir, 'log.txt');
  // The secret that signs AuthSession cookies, kept with the data as CouchDB keeps it in its
  // configuration, so a session outlives a restart (by default a new one is drawn at each start).
  const secretFile = path.join(dataDir, 'session-secret');
  if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(16).toString('hex'), { mode: 0o600 });
  secret = readFileSync(secretFile, 'utf8').trim();
} else {
  PouchDB.plugin(require('pouchdb-adapter-memory'));
  ServerPouchDB = PouchDB.defaults({ adapter: 'memory' });
}

const couch = expressPouchDB(ServerPouchDB, {
  mode: 'fullCouchDB',
  // Keep the configuration (and the hashed admin password) in memory, not in ./config.json of
  // whatever directory the tests run from; the admin is set again at every start.
  inMemoryConfig: true,
  logPath,
  // Fauxton is a web UI the tests never use.
  overrideMode: { exclude: ['routes/fauxton'] },
});

// The admin must exist before the first request is served, or that request would run in admin
// party (everyone an admin). couchConfig.set hashes the password and calls back once saved.
await new Promise((resolve, reject) =>
  couch.couchConfig.set('admins', admin, password, (err) => (err ? reject(err) : resolve())),
);
await new Promise((resolve) => couch.couchConfig.set('couch_httpd_auth', 'timeout', sessionTimeout, resolve));
if (secret) await new Promise((resolve) => couch.couchConfig.set('couch_httpd_auth', 'secret', secret, resolve));
couch.couchConfig.set('log', 'level', 'warning', () => {});
guardDatabaseCreation(couch);
keepReplicatedHistories(couch);

const app = express();
app.use(couch);

const server = app.listen(port, '127.0.0.1', () => {
  process.stdout.write(`listening on http://127.0.0.1:${server.address().port}\n`);
});
server.on('error', (err) => fail(`cannot listen on 127.0.0.1:${port}: ${err.message}`));
// A long-poll left open by a client must not keep the process alive after a stop.
const sockets = new Set();
server.on('connection', (socket) => {
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
});

// LevelDB journals every write before answering it, and the kernel drops its LOCK when the process
// ends, so stopping needs no clean-up of the databases: even SIGKILL keeps what was acknowledged.
function stop() {
  server.close();
  for (const socket of sockets) socket.destroy();
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// Started with a pipe as stdin (node's spawn default): a parent that dies without killing us
// closes it, and we do not linger as an orphan holding the port and the data directory.
const stdin = fstatSync(0);
if (stdin.isFIFO() || stdin.isSocket()) {
  process.stdin.on('end', stop);
  process.stdin.on('error', stop);
  process.stdin.resume();
}

// express-pouchdb 4.2.0 with pouchdb-security breaks on two requests by anyone but a server admin,
// which CouchDB answers with 401:
// - `PUT /db`: PouchDB.new, wrapped by the admin check, returns a rejected promise where a database
//   is expected; `.info` is called on it and the whole process crashes;
// - `DELETE /db`: the refusal rejects the single promise chain that serialises every database
//   opening (create-or-delete-dbs.js), and from then on no database opens at all.
// So both are answered here, just before express-pouchdb's own routes (after its authentication
// middleware has set req.couchSession).
function guardDatabaseCreation(couchApp) {
  const onlyAdmins = (req, res, next) => {
    if ((req.couchSession?.userCtx?.roles ?? []).includes('_admin')) return next();
    res.status(401).json({ error: 'unauthorized', reason: 'You are not a server admin.' });
  };
  for (const method of ['put', 'delete']) {
    couchApp[method]('/:db', onlyAdmins);
    const stack = couchApp._router.stack;
    const guard = stack.pop();
    const route = stack.findIndex((layer) => layer.route?.path === '/:db' && layer.route.methods[method]);
    if (route < 0) throw new Error(`express-pouchdb's ${method.toUpperCase()} /:db route not found: check its version`);
    stack.splice(route, 0, guard);
  }
}

// pouchdb-validation 4.2.0 overwrites each document's `_revisions` with the winning revision's
// history (or undefined) before calling validate_doc_update, and the document is then written
// with it. A `new_edits: false` write (replication) to a database with a validate function is
// therefore stored under the wrong history: an update to an existing document is silently
// dropped (answered as a success), a new one loses its ancestors. CouchDB passes newDoc with its
// own history. This wrapper runs before validation (first in the chain) and makes each incoming
// `_revisions` ignore the overwrite.
function keepReplicatedHistories(couchApp) {
  const wrappers = createRequire(require.resolve('express-pouchdb'))('pouchdb-wrappers');
  const pin = (doc) => {
    if (!doc || typeof doc !== 'object' || !doc._revisions) return;
    const own = doc._revisions;
    Object.defineProperty(doc, '_revisions', { get: () => own, set() {}, enumerable: true, configurable: true });
  };
  const handlers = {
    bulkDocs: (original, args) => {
      args.docs.forEach(pin);
      return original();
    },
    put: (original, args) => {
      pin(args.doc);
      return original();
    },
  };
  const registered = couchApp.dbWrapper._wrappers;
  if (!Array.isArray(registered)) throw new Error("express-pouchdb's dbWrapper has changed: check its version");
  // Wrappers installed first run first (outermost), so this one goes to the front.
  registered.unshift((name, db, next) => {
    wrappers.installWrapperMethods(db, handlers);
    return next();
  });
}

function fail(message) {
  process.stderr.write(`sync-server: ${message}\n`);
  process.exit(2);
}
