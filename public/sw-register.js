// Registers the service worker and reports to the app (window events; the app shows the words):
// - `field-ledger-update-available`: a new build is installed and waiting;
// - `field-ledger-server`: `detail` true/false, whether the server answered just now.
// The same news stays in `window.fieldLedgerUpdateWaiting` / `window.fieldLedgerServerReachable`
// for an app that mounts later. The app asks for the update with the event
// `field-ledger-apply-update`; only then does the new build take over and the page reload.
// Nothing reloads by itself.
// Both apps' pages load this one file (the office app's page from one folder down), so every
// address here is taken from the folder of this script: the app's root.
// The worker is registered only once the app says its event list is usable (`field-ledger-ready`),
// so that caching the office app for offline use never competes with the first load.
(() => {
  const root = new URL('./', document.currentScript.src);
  const versionUrl = new URL('version.json', root);

  async function checkServer() {
    let reachable = false;
    try {
      const response = await fetch(versionUrl, { cache: 'no-store' });
      reachable = response.ok;
    } catch {
      reachable = false;
    }
    window.fieldLedgerServerReachable = reachable;
    dispatchEvent(new CustomEvent('field-ledger-server', { detail: reachable }));
  }
  addEventListener('online', checkServer);
  addEventListener('offline', checkServer);
  addEventListener('field-ledger-check-server', checkServer);
  setInterval(checkServer, 30000);
  // A first answer now, whether or not the app has mounted yet (it also reads the flag).
  checkServer();

  if (!('serviceWorker' in navigator)) return;
  const register = () => navigator.serviceWorker
    .register(new URL('sw.js', root), { scope: root.href })
    .then((registration) => {
      // Also left as a flag, for an app that mounts after the news arrived.
      const announce = () => {
        window.fieldLedgerUpdateWaiting = true;
        dispatchEvent(new CustomEvent('field-ledger-update-available'));
      };
      const watch = (worker) =>
        worker?.addEventListener('statechange', () => {
          if (worker.state === 'installed' && navigator.serviceWorker.controller) announce();
        });
      if (registration.waiting && navigator.serviceWorker.controller) announce();
      // A new build may already be installing (the browser checked before this script ran).
      watch(registration.installing);
      registration.addEventListener('updatefound', () => watch(registration.installing));
      // Another window applied the update: this one now runs old code under the new worker, so
      // it offers the reload too (and the button reloads even with no worker waiting).
      const hadController = Boolean(navigator.serviceWorker.controller);
      let takenOver = false;
      navigator.serviceWorker.addEventListener('controllerchange', () => {
        if (hadController) {
          takenOver = true;
          announce();
        }
      });
      addEventListener('field-ledger-apply-update', () => {
        if (registration.waiting) {
          navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
          registration.waiting.postMessage('skip-waiting');
        } else if (takenOver) {
          location.reload();
        }
      });
      setInterval(() => registration.update().catch(() => {}), 5 * 60000);
    })
    .catch(() => dispatchEvent(new CustomEvent('field-ledger-server', { detail: false })));
  if (window.fieldLedgerReady) register();
  else addEventListener('field-ledger-ready', register, { once: true });
})();
