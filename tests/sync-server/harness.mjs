// Starting the test CouchDB (PouchDB Server, server.mjs) as a child process, running the repo's
// provisioning scripts against it, and talking to it as one account or another. Shared by the
// tests in this folder, and meant for any other test that needs a sync server.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '../..');
export const ADMIN = { name: 'fl-test-admin', password: 'admin secret "quoted" \\ and spaced' };

/**
 * Starts `server.mjs` on a free port (or `port`), with its data in memory or, with `data`, in
 * that folder (kept across restarts). Resolves once it prints its `listening on` line.
 * `stop()` ends it by its PID with SIGTERM, `kill()` with SIGKILL (a crash); both wait for the exit.
 */
export async function startServer({ port = 0, data, sessionTimeout } = {}) {
  const args = [path.join(HERE, 'server.mjs'), '--port', String(port)];
  if (data) args.push('--data', data);
  if (sessionTimeout) args.push('--session-timeout', String(sessionTimeout));
  const child = spawn(process.execPath, args, {
    env: { ...process.env, COUCHDB_ADMIN: ADMIN.name, COUCHDB_PASSWORD: ADMIN.password },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const url = await new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`sync server did not start in 20 s: ${stderr}`)), 20_000);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`sync server exited (${code ?? signal}) before listening: ${stderr}`));
    });
  });

  const end = async (signal) => {
    if (child.exitCode === null && child.signalCode === null) process.kill(child.pid, signal);
    return exited;
  };
  return {
    url,
    pid: child.pid,
    stderr: () => stderr,
    exited,
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
  };
}

/** Runs `server/couchdb/<script>` against `url` as the admin; resolves {code, stdout, stderr}. */
export function runScript(script, args, url, extraEnv = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT, 'server/couchdb', script), args, {
      env: {
        ...process.env,
        COUCHDB_URL: url,
        COUCHDB_ADMIN: ADMIN.name,
        COUCHDB_PASSWORD: ADMIN.password,
        ...extraEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, lines: stdout.split('\n').filter(Boolean) }));
  });
}

/**
 * A client as one account (HTTP basic auth), or anonymous without `name`, or with a `cookie`.
 * `request(method, path, body)` resolves {status, body (parsed JSON or text), headers}.
 */
export function client(url, { name, password, cookie } = {}) {
  const headers = { accept: 'application/json' };
  if (name) headers.authorization = `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}`;
  if (cookie) headers.cookie = cookie;
  const request = async (method, urlPath, body, extra = {}) => {
    const init = { method, headers: { ...headers, ...extra } };
    if (body !== undefined) {
      if (body instanceof Uint8Array || typeof body === 'string') init.body = body;
      else {
        init.body = JSON.stringify(body);
        init.headers['content-type'] = 'application/json';
      }
    }
    const response = await fetch(url + urlPath, init);
    const text = await response.text();
    let parsed;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
    return { status: response.status, body: parsed, headers: response.headers };
  };
  return {
    request,
    get: (urlPath) => request('GET', urlPath),
    put: (urlPath, body) => request('PUT', urlPath, body),
    post: (urlPath, body) => request('POST', urlPath, body),
    del: (urlPath) => request('DELETE', urlPath),
  };
}
