// The sync server of this run (started by sync-server-setup.mjs, reached by the app at its own
// origin under `couch/` through static-server.mjs) and the switch that makes it unreachable.
//
//   couch()            → { base, admin, accounts }: the server's own URL (for Node, not the page),
//                        the server admin and the accounts ({name, password, role, unit}).
//   asAccount(name)    → a client speaking straight to the server from Node as that account
//                        (or 'admin'): request(method, path, body, headers), get, put, post, del,
//                        each resolving {status, body, headers} (tests/sync-server/harness.mjs);
//                        and fetch(path, init): the plain Response, for bytes (attachments).
//   loseAnswer(page, path) → that page's next request whose path contains `path` is carried out
//                        by the server and its answer lost; the server is unreachable after.
//   proxyDown(page?)   → `/couch/` requests fail at the network level (as from a tablet that
//   proxyUp(page?)       cannot reach the server) until proxyUp; the server keeps its data.
//                        With a page: only that page's browser context is cut off (safe while
//                        other tests run in parallel); without: every client of the app server.
import { test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { client } from '../sync-server/harness.mjs';
import { ENV_KEY } from './sync-server-setup.mjs';

export function couch() {
  const raw = process.env[ENV_KEY];
  if (!raw) throw new Error(`${ENV_KEY} is not set: run with tests/e2e/playwright.config.mjs (globalSetup sync-server-setup.mjs)`);
  const { base, admin, accounts } = JSON.parse(raw);
  return { base, admin, accounts };
}

export function asAccount(name) {
  const { base, admin, accounts } = couch();
  const who = name === 'admin' ? admin : accounts[name];
  if (!who) throw new Error(`no account ${name}: one of admin, ${Object.keys(accounts).join(', ')}`);
  const authorization = `Basic ${Buffer.from(`${who.name}:${who.password}`).toString('base64')}`;
  return {
    ...client(base, { name: who.name, password: who.password }),
    fetch: (path, init = {}) => fetch(base + path, { ...init, headers: { authorization, ...init.headers } }),
  };
}

export const proxyDown = (page) => control('down', page);
export const proxyUp = (page) => control('up', page);
/** `page`'s next request to a `/couch/` path containing `path` is done by the server, whose answer
 * is lost: the server is then unreachable for that page until proxyUp. */
export const loseAnswer = (page, path) => control('lose-answer', page, { path });

const CLIENT_COOKIE = 'fl-e2e-client';
const clientIds = new WeakMap();

async function control(state, page, extra = {}) {
  const baseURL = test.info().project.use.baseURL;
  const url = new URL(`/__test/couch/${state}`, baseURL);
  if (page) {
    const context = page.context();
    if (!clientIds.has(context)) {
      const id = randomUUID();
      await context.addCookies([{ name: CLIENT_COOKIE, value: id, url: new URL('/', baseURL).href }]);
      clientIds.set(context, id);
    }
    url.searchParams.set('client', clientIds.get(context));
  }
  for (const [name, value] of Object.entries(extra)) url.searchParams.set(name, value);
  const response = await fetch(url, { method: 'POST' });
  if (response.status !== 204) {
    throw new Error(`${url.pathname}: ${response.status} (is E2E_TEST_CONTROLS=1 given to static-server.mjs?)`);
  }
}
