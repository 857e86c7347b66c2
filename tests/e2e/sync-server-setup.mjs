// Playwright global set-up: a PouchDB Server (tests/sync-server/server.mjs) for the sync tests,
// provisioned with server/couchdb/provision.sh and three accounts, its data in a fresh temporary
// folder. The static server (webServer, started by Playwright BEFORE this runs) proxies
// `/couch/` to it, so the config gives both the same fixed port: SYNC_SERVER_PORT.
//
// What the specs need (URL, admin, accounts, PID) goes to process.env.FL_SYNC_SERVER as JSON,
// which the test workers inherit; read it with couch() from sync-fixture.mjs. The global teardown
// (sync-server-teardown.mjs) stops the server by that PID. Should this process die instead, the
// server ends by itself when its stdin pipe closes (see server.mjs).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, runScript, startServer } from '../sync-server/harness.mjs';

/** The accounts every run has: add-account.sh ROLE NAME PASSWORD [UNIT]. */
export const ACCOUNTS = {
  'food-tablet': { role: 'tablet', name: 'food-tablet', password: 'food-pass-1', unit: 'food' },
  'metrology-tablet': { role: 'tablet', name: 'metrology-tablet', password: 'metro-pass-1', unit: 'metrology-institute' },
  'quality-office': { role: 'office', name: 'quality-office', password: 'quality-pass-1' },
  // Only the restore test uses this unit, so it can lose its database without disturbing others.
  'price-tablet': { role: 'tablet', name: 'price-tablet', password: 'price-pass-1', unit: 'price-supervision' },
};

export const ENV_KEY = 'FL_SYNC_SERVER';

export default async function globalSetup() {
  const port = Number(process.env.SYNC_SERVER_PORT);
  if (!Number.isInteger(port) || port <= 0) {
    throw new Error('SYNC_SERVER_PORT is not set: run with tests/e2e/playwright.config.mjs');
  }
  const data = mkdtempSync(join(tmpdir(), 'fl-e2e-couch-'));
  let server;
  try {
    server = await startServer({ port, data });
    // Known from here on, so the teardown stops it whatever fails next.
    process.env[ENV_KEY] = JSON.stringify({ base: server.url, pid: server.pid, data, admin: ADMIN, accounts: ACCOUNTS });

    await script('provision.sh', [], server.url);
    for (const { role, name, password, unit } of Object.values(ACCOUNTS)) {
      await script('add-account.sh', [role, name, password, ...(unit ? [unit] : [])], server.url);
    }
  } catch (error) {
    await server?.stop();
    delete process.env[ENV_KEY];
    rmSync(data, { recursive: true, force: true });
    if (!server && /EADDRINUSE/.test(error.message)) {
      error.message += ` (another run holds port ${port}: set SYNC_SERVER_PORT or E2E_PORT)`;
    }
    throw error;
  }
}

async function script(name, args, url) {
  const { code, stdout, stderr } = await runScript(name, args, url);
  if (code !== 0) throw new Error(`server/couchdb/${name} ${args.slice(0, 2).join(' ')} failed (${code}):\n${stdout}${stderr}`);
}

/** Stops the server started above by its PID (SIGTERM, SIGKILL after 5 s) and deletes its data. */
export async function teardown() {
  const raw = process.env[ENV_KEY];
  if (!raw) return;
  const { pid, data } = JSON.parse(raw);
  delete process.env[ENV_KEY];
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (alive()) {
    process.kill(pid, 'SIGTERM');
    const until = Date.now() + 5000;
    while (alive() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
    if (alive()) process.kill(pid, 'SIGKILL');
  }
  rmSync(data, { recursive: true, force: true, maxRetries: 5 });
}
