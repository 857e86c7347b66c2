// Field Ledger service worker (template: scripts/post-build.mjs fills in the cache name and the
// list of built files, then writes it to dist/sw.js). It makes the app open with no network:
// every built file is precached at install; navigations get the cached page; a new build waits
// until the user accepts it (the page asks), then old caches are deleted.
const CACHE = '__CACHE_NAME__';
const PRECACHE = __PRECACHE__;
// Not cached, always asked of the server: how the page tells whether the server is reachable.
const VERSION_FILE = 'version.json';
// The folder of the office app, beside the tablet app (README, "Two apps").
const OFFICE_FOLDER = 'office/';

const inScope = (path) => new URL(path, self.registration.scope).href;
// The built files this worker answers for; every other request (live sync's server under
// couch/, above all its long-polls, which the page aborts itself) goes to the network untouched.
// Answering those here kept an aborted long-poll open in the worker and stalled the next one.
const PRECACHED = new Set(PRECACHE.map(inScope));

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((path) => new Request(inScope(path), { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('field-ledger-') && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.href.startsWith(inScope(VERSION_FILE))) return;
  if (request.mode === 'navigate') {
    // The office app's page for addresses under office/, the tablet app's for every other.
    const page = url.href.startsWith(inScope(OFFICE_FOLDER)) ? `${OFFICE_FOLDER}index.html` : 'index.html';
    event.respondWith(
      caches.open(CACHE).then((cache) => cache.match(inScope(page))).then((cached) => cached ?? fetch(request)),
    );
    return;
  }
  if (!PRECACHED.has(url.href.split('#')[0])) return;
  // This build's own cache only, so a page never mixes files of two builds.
  event.respondWith(caches.open(CACHE).then((cache) => cache.match(request)).then((cached) => cached ?? fetch(request)));
});
