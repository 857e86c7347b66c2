// The browsers of the cross-engine tier and their WebDriver servers, each started here in its own
// process group and stopped by that group's ID:
// - WebKit: Debian's WebKitWebDriver driving WebKitGTK's MiniBrowser (the engine of Safari on
//   iPads) under xvfb-run, once with the Storage API on (as Safari ships it) and once off (the
//   MiniBrowser's default);
// - Firefox ESR: geckodriver (cargo install) driving Debian's firefox-esr, headless.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { Builder } from 'selenium-webdriver';

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** `promise`, or a failure naming `what` after `ms` milliseconds. */
function withDeadline(promise, ms, what) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer: ${what}`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** A free TCP port on 127.0.0.1. */
export async function freePort() {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  await once(server, 'close');
  return port;
}

/** Starts `command` in a new process group; `stop()` ends the whole group. */
export function startGroup(command, args, options = {}) {
  const child = spawn(command, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], ...options });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = once(child, 'exit');
  return {
    child,
    output: () => output,
    /** Ends the whole group, even when its leader has exited already (a browser it started may
     * still hold the pipes, which would keep this process alive). */
    async stop() {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // ESRCH: the group is gone.
      }
      if (child.exitCode === null && child.signalCode === null) await exited;
      child.stdout.destroy();
      child.stderr.destroy();
    },
  };
}

/** Waits until `url` answers (any HTTP status); fails if the process ends or a minute passes. */
export async function waitForHttp(url, group, what) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (group.child.exitCode !== null || group.child.signalCode !== null) {
      throw new Error(`${what} exited:\n${group.output()}`);
    }
    if (Date.now() > deadline) throw new Error(`${what} did not answer at ${url} within a minute:\n${group.output()}`);
    try {
      await fetch(url);
      return;
    } catch {
      // Not listening yet: poll again shortly (the answer, not the delay, ends the wait).
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** The engines of the tier: a name, how to start the driver, and the capabilities. */
export const ENGINES = [
  {
    name: 'webkit-storage-api',
    storageApi: true,
    command: (port) => ['xvfb-run', ['-a', '-s', '-screen 0 1280x1024x24', 'WebKitWebDriver', `--port=${port}`]],
    capabilities: () => ({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary: MINIBROWSER,
        args: ['--automation', '--features=+StorageAPI,+StorageAPIEstimate'],
      },
    }),
  },
  {
    name: 'webkit-no-storage-api',
    storageApi: false,
    command: (port) => ['xvfb-run', ['-a', '-s', '-screen 0 1280x1024x24', 'WebKitWebDriver', `--port=${port}`]],
    capabilities: () => ({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
    }),
  },
  {
    name: 'firefox-esr',
    storageApi: true,
    downloadsToFolder: true,
    command: (port) => ['geckodriver', [`--port=${port}`, '--host=127.0.0.1']],
    capabilities: ({ downloads }) => ({
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: '/usr/bin/firefox-esr',
        args: ['-headless'],
        prefs: {
          'intl.accept_languages': 'zh-CN',
          'browser.download.folderList': 2,
          'browser.download.dir': downloads,
          'browser.download.useDownloadDir': true,
          'browser.download.always_ask_before_handling_new_types': false,
          'browser.helperApps.neverAsk.saveToDisk': 'application/json,text/csv',
        },
      },
    }),
  },
];

/** Starts `engine`'s driver and a session at 1024×768; `close()` ends both. */
export async function openBrowser(engine, { downloads }) {
  const port = await freePort();
  const [command, args] = engine.command(port);
  const driverProcess = startGroup(command, args, { env: { ...process.env, TZ: 'Asia/Shanghai' } });
  await waitForHttp(`http://127.0.0.1:${port}/status`, driverProcess, `${engine.name} WebDriver`);
  let driver;
  try {
    driver = await withDeadline(
      new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities(engine.capabilities({ downloads })).build(),
      120_000,
      `${engine.name}: a session within two minutes`,
    );
    await driver.manage().window().setRect({ width: 1024, height: 768 });
  } catch (error) {
    await driverProcess.stop();
    throw new Error(`${engine.name}: no session (${error.message})\n${driverProcess.output()}`);
  }
  return {
    driver,
    async close() {
      await withDeadline(driver.quit(), 30_000, 'quit').catch(() => {});
      await driverProcess.stop();
    },
  };
}
