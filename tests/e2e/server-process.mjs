// The plain static server (static-server.mjs) as a process a test starts and stops itself: to
// take the server really away (offline tests), or to serve another build or folder.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');

/** Starts the plain static server on `port` for `dir` (optionally under `prefix`). */
export async function startServer(dir, port, prefix = '') {
  const child = spawn('node', [join(ROOT, 'tests/e2e/static-server.mjs'), dir, String(port), prefix], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    child.stdout.once('data', resolve);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return child;
}

export async function stopServer(child) {
  // Already stopped (an exit code, or the signal that ended it).
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill();
  await exited;
}

