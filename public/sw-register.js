// Registers the service worker and reports to the app (window events; the app shows the words):
// - `field-ledger-update-available`: a new build is installed and waiting;
// - `field-ledger-server`: `detail` true/false, whether the server answered just now.
// The same news stays in `window.fieldLedgerUpdateWaiting` / `window.fieldLedgerServerReachable`
// for an app that mounts later. The app asks for the update with the event
// `field-ledger-apply-update`; only then does the new build take over and the page reload.
// Nothing reloads by itself.
(() => {
  const versionUrl = new URL('version.json', document.baseURI);

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
  navigator.serviceWorker
    .register(new URL('sw.js', document.baseURI), { scope: './' })
    .then((registration) => {
      // Also left as a flag, for an app that mounts after the news arrived.
      const announce = () => {
        window.fieldLedgerUpdateWaiting = true;
        dispatchEvent(new CustomEvent('field-ledger-update-available'));
      };
      if (registration.waiting && navigator.serviceWorker.controller) announce();
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        worker?.addEventListener('statechange', () => {
          if (worker.state === 'installed' && navigator.serviceWorker.controller) announce();
        });
      });
      addEventListener('field-ledger-apply-update', () => {
        if (!registration.waiting) return;
        navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
        registration.waiting.postMessage('skip-waiting');
      });
      setInterval(() => registration.update().catch(() => {}), 5 * 60000);
    })
    .catch(() => dispatchEvent(new CustomEvent('field-ledger-server', { detail: false })));
})();
