// A plain static file server for dist/ on 127.0.0.1, as any web host would serve the app:
// correct MIME types (application/wasm), no caching tricks, 404 for missing files; and, as the
// README's deployment advice has it, the build's brotli copy (`<file>.br`, Content-Encoding: br)
// to a browser that accepts br.
// Usage: node tests/e2e/static-server.mjs <dir> <port> [<sub-path>]
// With a sub-path (e.g. /field-ledger), the app is served under it, as on a shared web server.
//
// With COUCH_UPSTREAM (e.g. http://127.0.0.1:5985), it is also the reverse proxy production puts
// in front of CouchDB (docs/sync-protocol.md): `<sub-path>/couch/…` goes to the upstream with
// `/couch` taken off, method, headers (Cookie, Set-Cookie) and bodies streamed both ways (large
// attachments, long-polled `_changes`); no time limit on a proxied exchange. An upstream that
// cannot be reached is a 502 with a short text.
// With E2E_TEST_CONTROLS=1 as well, tests can cut the proxy off and restore it:
//   POST /__test/couch/down[?client=ID]   POST /__test/couch/up[?client=ID]
// While down, a `/couch/` request gets its connection dropped with no answer (what a tablet sees
// of a server it cannot reach), and proxied exchanges still open are dropped too. With `client`,
// only requests carrying the cookie `fl-e2e-client=ID` are affected (tests in parallel do not cut
// each other off); that cookie is not passed on upstream.
//   POST /__test/couch/lose-answer?client=ID&path=TEXT
// The client's next `/couch/` request whose path contains TEXT is carried out by the server, and
// its answer is lost: the proxy goes down for that client as the answer arrives.
import { createServer, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? 'dist');
const port = Number(process.argv[3] ?? 4173);
const prefix = (process.argv[4] ?? '').replace(/\/$/, '');
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

const upstream = process.env.COUCH_UPSTREAM ? new URL(process.env.COUCH_UPSTREAM) : null;
const testControls = process.env.E2E_TEST_CONTROLS === '1';
const CLIENT_COOKIE = 'fl-e2e-client';
// The proxy is down for everyone (`all`) or for these test clients.
const down = { all: false, clients: new Set() };
// Proxied exchanges in progress: {client, socket}, to drop when the proxy goes down.
const open = new Set();
// Test clients whose next request to a path containing this text reaches the server, which
// carries it out, and then loses its answer: the proxy goes down for that client at that moment
// (a server stopped between doing a push and saying so).
const loseAnswer = new Map();

const server = createServer(async (request, response) => {
  const [rawPath, query = ''] = request.url.split(/\?(.*)/s);
  if (testControls && request.method === 'POST' && rawPath === '/__test/couch/lose-answer') {
    const params = new URLSearchParams(query);
    loseAnswer.set(params.get('client'), params.get('path'));
    response.writeHead(204).end();
    return;
  }
  if (testControls && request.method === 'POST' && /^\/__test\/couch\/(down|up)$/.test(rawPath)) {
    control(rawPath.endsWith('/down'), new URLSearchParams(query).get('client'));
    response.writeHead(204).end();
    return;
  }
  if (upstream) {
    const couch = prefix + '/couch';
    if (rawPath === couch || rawPath.startsWith(couch + '/')) {
      proxy(request, response, rawPath.slice(couch.length) || '/', query);
      return;
    }
  }
  let path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
  if (prefix) {
    if (!path.startsWith(prefix + '/')) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    path = path.slice(prefix.length);
  }
  // A folder's address serves its page, as every web server does (`/` and the office app's `office/`).
  const relative = normalize(path.endsWith('/') ? `${path}index.html` : path);
  const file = join(root, relative);
  if (!file.startsWith(root)) {
    response.writeHead(403).end();
    return;
  }
  try {
    const headers = {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      vary: 'accept-encoding',
    };
    // The copy only while it is as new as the original: a test that rewrites a built file
    // (a new deployment's sw.js, a test harness in index.html) gets that file served.
    const acceptsBrotli = /\bbr\b/.test(request.headers['accept-encoding'] ?? '');
    const copyIsCurrent = async () => (await stat(`${file}.br`)).mtimeMs >= (await stat(file)).mtimeMs;
    const compressed = acceptsBrotli && (await copyIsCurrent().catch(() => false)) ? await readFile(`${file}.br`) : null;
    if (compressed) headers['content-encoding'] = 'br';
    const body = compressed ?? (await readFile(file));
    response.writeHead(200, headers);
    response.end(body);
  } catch {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
});
// A long-polled `_changes` or a slow upload is never cut off by this server (Node's defaults
// would end a request still arriving after 5 minutes).
server.requestTimeout = 0;
server.timeout = 0;
server.listen(port, '127.0.0.1', () =>
  console.log(`serving ${root} on http://127.0.0.1:${port}${upstream ? `, ${prefix}/couch/ → ${upstream.href}` : ''}`),
);

// Headers that belong to one connection, not to the exchange (RFC 9110 §7.6.1).
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

function control(isDown, client) {
  if (client) {
    if (isDown) down.clients.add(client);
    else down.clients.delete(client);
  } else {
    down.all = isDown;
    if (!isDown) down.clients.clear();
  }
  if (!isDown) return;
  for (const exchange of open) {
    if (down.all || down.clients.has(exchange.client)) exchange.socket.destroy();
  }
}

/** The test client named by the request's `fl-e2e-client` cookie, and the Cookie header without it. */
function splitCookies(header) {
  let client = null;
  const rest = [];
  for (const part of (header ?? '').split(';')) {
    const cookie = part.trim();
    if (!cookie) continue;
    if (cookie.startsWith(CLIENT_COOKIE + '=')) client = cookie.slice(CLIENT_COOKIE.length + 1);
    else rest.push(cookie);
  }
  return { client, cookie: rest.join('; ') };
}

function proxy(request, response, path, query) {
  const { client, cookie } = splitCookies(request.headers.cookie);
  if (down.all || (client && down.clients.has(client))) {
    // No status, no bytes: the browser sees a connection that failed, as with a server it cannot reach.
    request.socket.destroy();
    return;
  }
  const headers = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (!HOP_BY_HOP.has(name)) headers[name] = value;
  }
  if (cookie) headers.cookie = cookie;
  else delete headers.cookie;
  // As a production proxy (nginx `proxy_set_header`), the browser's Host is kept and the client named.
  headers['x-forwarded-for'] = request.socket.remoteAddress;
  headers['x-forwarded-host'] = request.headers.host ?? '';
  headers['x-forwarded-proto'] = 'http';
  if (request.headers['transfer-encoding']) headers['transfer-encoding'] = 'chunked';

  const base = upstream.pathname.replace(/\/$/, '');
  const exchange = { client, socket: request.socket };
  const losing = client && loseAnswer.has(client) && path.includes(loseAnswer.get(client));
  if (losing) loseAnswer.delete(client);
  open.add(exchange);
  const send = upstream.protocol === 'https:' ? httpsRequest : httpRequest;
  const outgoing = send({
    protocol: upstream.protocol,
    hostname: upstream.hostname,
    port: upstream.port,
    method: request.method,
    path: base + path + (query ? '?' + query : ''),
    headers,
    // A fresh connection each time: a kept-alive one the upstream has just closed would turn
    // into a spurious 502.
    agent: false,
  });
  outgoing.on('response', (incoming) => {
    if (losing) {
      // The server has done it; its answer never reaches the tablet, and the server is gone.
      incoming.resume();
      incoming.on('end', () => {
        down.clients.add(client);
        request.socket.destroy();
      });
      return;
    }
    const out = [];
    for (let i = 0; i < incoming.rawHeaders.length; i += 2) {
      if (!HOP_BY_HOP.has(incoming.rawHeaders[i].toLowerCase())) out.push(incoming.rawHeaders[i], incoming.rawHeaders[i + 1]);
    }
    response.writeHead(incoming.statusCode, incoming.statusMessage, out);
    // The status and headers now, not with the first byte of the body: a long-poll's fetch
    // resolves while the body is still open.
    response.flushHeaders();
    incoming.pipe(response);
    // The upstream broke off mid-body (it stopped, say): the browser sees the exchange fail.
    incoming.on('close', () => {
      if (!incoming.complete) response.destroy();
    });
  });
  outgoing.on('error', (error) => {
    if (!response.headersSent) {
      response.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`couch upstream ${upstream.host} unreachable: ${error.code ?? error.message}\n`);
    } else {
      response.destroy();
    }
  });
  // The browser gave up (an aborted fetch, a closed page): end the upstream exchange too.
  response.on('close', () => {
    open.delete(exchange);
    if (!response.writableFinished) outgoing.destroy();
  });
  request.pipe(outgoing);
}
