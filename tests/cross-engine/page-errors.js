// Test harness, injected first into the cross-engine test site's index.html (same origin, so the
// CSP allows it). WebKit's WebDriver has no log endpoint and no BiDi, so the page records its own
// problems in sessionStorage (it survives location.reload()), where the test reads them:
// uncaught errors, unhandled rejections, console.error calls and CSP violations. It also counts
// calls of navigator.storage.persist() (`test.persist-calls`) and keeps a copy of every file the
// app hands to a download link (`test.downloads`), for engines whose driver cannot save files.
(() => {
  const add = (key, entry) => {
    const list = JSON.parse(sessionStorage.getItem(key) ?? '[]');
    list.push(entry);
    sessionStorage.setItem(key, JSON.stringify(list));
  };
  const problem = (text) => add('test.page-errors', text);
  addEventListener('error', (event) => {
    const target = event.target;
    if (target && target !== window && target.tagName) {
      problem(`failed to load <${target.tagName.toLowerCase()}> ${target.src || target.href}`);
    } else {
      problem(`page error: ${event.message}`);
    }
  }, true);
  addEventListener('unhandledrejection', (event) => problem(`unhandled rejection: ${event.reason}`));
  document.addEventListener('securitypolicyviolation', (event) =>
    problem(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`),
  );
  const consoleError = console.error;
  console.error = (...args) => {
    problem(`console error: ${args.map(String).join(' ')}`);
    consoleError.apply(console, args);
  };

  const storage = navigator.storage;
  if (storage && typeof storage.persist === 'function') {
    const persist = storage.persist.bind(storage);
    storage.persist = () => {
      sessionStorage.setItem('test.persist-calls', String(Number(sessionStorage.getItem('test.persist-calls') ?? 0) + 1));
      return persist();
    };
  }

  // The blobs behind object URLs, read when a download link is clicked (a fetch of the blob: URL
  // would be refused by the app's CSP, rightly).
  const blobs = new Map();
  const createObjectURL = URL.createObjectURL;
  URL.createObjectURL = (blob) => {
    const url = createObjectURL.call(URL, blob);
    blobs.set(url, blob);
    return url;
  };
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    const blob = this.download ? blobs.get(this.href) : undefined;
    if (blob) {
      const name = this.download;
      blob.text().then((text) => add('test.downloads', { name, text }));
    }
    return click.call(this);
  };
})();
