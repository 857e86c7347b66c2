/*
 * The boot check: says so when the app cannot start, instead of leaving the first screen (or a
 * white page) up for ever.
 *
 * A classic, same-origin script in strict ES5 (no arrow functions, no let/const, no template
 * strings): trunk's loader is a module script with a top-level await, which an old browser never
 * runs, so only a script like this one can still speak to an old WebView. It is deferred (it never
 * holds up the first paint) and placed before the loader, so it runs before the loader does, and
 * reports on the static first screen (#boot):
 *
 * - `old-browser`: module scripts, WebAssembly, a wasm feature the release build uses, wasm
 *   compilation under the page's CSP ('wasm-unsafe-eval'), Web Crypto's random values or
 *   IndexedDB is missing. `data-missing` names what (e.g. "indexeddb"). The app's initializer
 *   (boot-initializer.js) then refuses to start, so a half-working app never replaces the message.
 * - `load-failed`: a download failed (a file of the app answered with an error, was cut off, was
 *   replaced by a proxy so its integrity hash fails, or the network dropped).
 * - `start-failed`: the wasm arrived but failed as it started (the loader says so); the message
 *   names the error for IT.
 * - `timeout`: the app has not mounted TIMEOUT_MS after the last sign of progress (a finished file,
 *   a chunk of the wasm arriving). A slow network keeps making progress, so it is never a failure.
 *
 * The app removes #boot when it mounts, whatever it shows, so an app that starts after all
 * replaces the message. Nothing here reads or writes storage.
 *
 * The words live here, not in the app's i18n layer, because this runs when the app cannot: both
 * languages are shown at once, Chinese first.
 *
 * WASM_FEATURE_PROBES: one tiny module per WebAssembly feature the release build uses.
 * scripts/post-build.mjs finds the features the built wasm uses with binaryen's validator, fails
 * the build if one has no probe here, and checks that each probe needs exactly its feature.
 */
(function () {
  'use strict';

  /** Milliseconds without any progress before the app is said not to start. */
  var TIMEOUT_MS = 20000;

  /** Binaryen feature name -> the bytes of a module that validates only with that feature. */
  var WASM_FEATURE_PROBES = {
    'bulk-memory': [0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 5, 3, 1, 0, 1, 10, 14, 1, 12, 0, 65, 0, 65, 0, 65, 0, 252, 10, 0, 0, 11],
    multivalue: [0, 97, 115, 109, 1, 0, 0, 0, 1, 6, 1, 96, 0, 2, 127, 127, 3, 2, 1, 0, 10, 8, 1, 6, 0, 65, 0, 65, 0, 11],
    'nontrapping-float-to-int': [0, 97, 115, 109, 1, 0, 0, 0, 1, 6, 1, 96, 1, 125, 1, 127, 3, 2, 1, 0, 10, 8, 1, 6, 0, 32, 0, 252, 0, 11],
    'reference-types': [0, 97, 115, 109, 1, 0, 0, 0, 1, 6, 1, 96, 1, 111, 1, 111, 3, 2, 1, 0, 10, 6, 1, 4, 0, 32, 0, 11],
    'sign-ext': [0, 97, 115, 109, 1, 0, 0, 0, 1, 6, 1, 96, 1, 127, 1, 127, 3, 2, 1, 0, 10, 7, 1, 5, 0, 32, 0, 192, 11]
  };

  /** The smallest valid module: compiling it tells whether the CSP lets wasm compile at all. */
  var EMPTY_MODULE = [0, 97, 115, 109, 1, 0, 0, 0];

  /**
   * The browsers that pass every probe above (README "Supported browsers"). In the texts,
   * {{...}} marks names and codes that stay as they are in either language (translate="no").
   */
  var SUPPORTED_ZH = '{{Chrome}} 或 {{Edge}} 97 及以上、{{Safari}}（{{iPad}} 上即 {{iPadOS}}）16 及以上、{{Firefox}} 102 及以上';
  var SUPPORTED_EN = 'Chrome or Edge 97 or later, Safari (iPadOS on iPads) 16 or later, Firefox 102 or later';

  var MESSAGES = {
    'old-browser': {
      zh: ['此浏览器无法运行活动台账', '缺少：{{{missing}}}。请使用 ' + SUPPORTED_ZH + '的浏览器；平板自带的浏览器请先更新到最新版本。本机已保存的数据不受影响。'],
      en: ['This browser cannot run Field Ledger', 'Missing: {{{missing}}}. Use ' + SUPPORTED_EN + '; update a tablet\'s own browser to its latest version first. Data already saved on this device is not affected.']
    },
    'load-failed': {
      zh: ['活动台账未能下载完整', '网络中断，或应用的文件被拦截。请在网络恢复后重新加载本页；若一直如此，请联系信息科，请其放行 {{.wasm}} 文件（{{application/wasm}}）。本机已保存的数据不受影响。'],
      en: ['Field Ledger could not be downloaded completely', 'The network dropped, or a file of the app was blocked. Reload when the network is back; if this keeps happening, ask IT to let {{.wasm}} files ({{application/wasm}}) through. Data already saved on this device is not affected.']
    },
    'start-failed': {
      zh: ['活动台账启动时出错', '应用已下载，但启动时出错（{{{detail}}}）。请重新加载本页；若仍如此，请联系信息科，并告知此页的内容。本机已保存的数据不受影响。'],
      en: ['Field Ledger failed to start', 'The app was downloaded but failed as it started ({{{detail}}}). Reload the page; if this keeps happening, ask IT for help and show them this page. Data already saved on this device is not affected.']
    },
    timeout: {
      zh: ['活动台账未能启动', '下载已有 ' + TIMEOUT_MS / 1000 + ' 秒没有进展。请在网络恢复后重新加载本页；若仍如此，请使用 ' + SUPPORTED_ZH + '的浏览器，或联系信息科。本机已保存的数据不受影响。'],
      en: ['Field Ledger did not start', 'The download has made no progress for ' + TIMEOUT_MS / 1000 + ' seconds. Reload when the network is back; if this keeps happening, use ' + SUPPORTED_EN + ', or ask IT for help. Data already saved on this device is not affected.']
    }
  };
  /** How a missing piece is named in the message (the codes stay in data-missing). */
  function displayName(code) {
    var names = {
      'module-scripts': 'JavaScript modules',
      webassembly: 'WebAssembly',
      'wasm-unsafe-eval': "WebAssembly + CSP 'wasm-unsafe-eval'",
      'crypto-getrandomvalues': 'crypto.getRandomValues',
      indexeddb: 'IndexedDB'
    };
    return names[code] || code.replace(/^wasm-/, 'WebAssembly ');
  }

  var RELOAD_LABEL = { zh: '重新加载', en: 'Reload' };
  // The office app's page only: back to the tablet app (its event list).
  var BACK_LABEL = { zh: '返回活动列表', en: 'Back to the event list' };

  var reported = null;
  var timer = null;

  function validates(bytes) {
    try {
      return WebAssembly.validate(new Uint8Array(bytes));
    } catch (error) {
      return false;
    }
  }

  function compiles(bytes) {
    try {
      return new WebAssembly.Module(new Uint8Array(bytes)) instanceof WebAssembly.Module;
    } catch (error) {
      return false;
    }
  }

  /** What this browser lacks of what the app needs, as short codes. */
  function missingFeatures() {
    var missing = [];
    var script = document.createElement('script');
    if (!('noModule' in script)) missing.push('module-scripts');
    if (typeof WebAssembly !== 'object' || typeof WebAssembly.validate !== 'function') {
      missing.push('webassembly');
    } else {
      for (var feature in WASM_FEATURE_PROBES) {
        if (Object.prototype.hasOwnProperty.call(WASM_FEATURE_PROBES, feature) && !validates(WASM_FEATURE_PROBES[feature])) {
          missing.push('wasm-' + feature);
        }
      }
      if (!compiles(EMPTY_MODULE)) missing.push('wasm-unsafe-eval');
    }
    // Record IDs: crypto.randomUUID where the page is a secure context, else 16 bytes from
    // crypto.getRandomValues (src/browser/ids.rs), so a plain-http LAN address still works.
    if (!window.crypto || typeof window.crypto.getRandomValues !== 'function') missing.push('crypto-getrandomvalues');
    if (!window.indexedDB) missing.push('indexeddb');
    return missing;
  }

  function element(tag, className, text, lang) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.appendChild(document.createTextNode(text));
    if (lang) node.setAttribute('lang', lang);
    return node;
  }

  /** A paragraph of `text`, its {{codes}} in spans marked translate="no". */
  function paragraph(text, lang) {
    var node = element('p', null, null, lang);
    var parts = text.split(/\{\{(.+?)\}\}/);
    for (var i = 0; i < parts.length; i++) {
      if (i % 2 === 0) {
        node.appendChild(document.createTextNode(parts[i]));
      } else {
        var code = element('span', null, parts[i]);
        code.setAttribute('translate', 'no');
        node.appendChild(code);
      }
    }
    return node;
  }

  /** Replaces the first screen by the message for `reason`; nothing once the app has mounted. */
  function show(reason, missing, detail) {
    var screen = document.getElementById('boot-screen');
    if (!screen) return; // the app has mounted (or a message is already up)
    var words = MESSAGES[reason];
    var list = [];
    for (var i = 0; i < missing.length; i++) list.push(displayName(missing[i]));
    list = list.join(', ');
    var box = element('main', 'boot-error');
    box.id = 'boot-error';
    box.setAttribute('role', 'alert');
    box.setAttribute('data-testid', 'boot-error');
    box.setAttribute('data-reason', reason);
    if (missing.length) box.setAttribute('data-missing', missing.join(' '));
    box.appendChild(element('h1', 'boot-error-title', words.zh[0]));
    var fill = function (text) {
      return text.replace('{missing}', list).replace('{detail}', detail || '');
    };
    box.appendChild(paragraph(fill(words.zh[1])));
    box.appendChild(element('h2', 'boot-error-title', words.en[0], 'en'));
    box.appendChild(paragraph(fill(words.en[1]), 'en'));
    if (reason !== 'old-browser') {
      var button = element('button', 'primary boot-reload');
      button.type = 'button';
      button.setAttribute('data-testid', 'boot-reload');
      button.appendChild(document.createTextNode(RELOAD_LABEL.zh + ' '));
      button.appendChild(element('span', null, RELOAD_LABEL.en, 'en'));
      button.addEventListener('click', function () {
        window.location.reload();
      });
      box.appendChild(button);
      // The office app's page (office.html) names the way back to the tablet app, whose screens
      // keep working while this page cannot load.
      var back = document.getElementById('boot').getAttribute('data-back');
      if (back) {
        var link = element('a', 'button-link boot-back');
        link.href = back;
        link.setAttribute('data-testid', 'boot-back');
        link.appendChild(document.createTextNode(BACK_LABEL.zh + ' '));
        link.appendChild(element('span', null, BACK_LABEL.en, 'en'));
        box.appendChild(link);
      }
    }
    screen.parentNode.replaceChild(box, screen);
  }

  /** Reports `reason` once, as soon as the page's body is there. */
  function report(reason, missing, detail) {
    if (reported) return;
    reported = reason;
    if (timer !== null) clearTimeout(timer);
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', function () {
        show(reason, missing, detail);
      });
    } else {
      show(reason, missing, detail);
    }
  }

  /**
   * Something moved forward: the timeout counts from now. With `done` (`{current, total}` bytes
   * of the wasm), the first screen's bar shows how much has arrived. Only its width changes
   * (CSSOM, which the CSP allows), so nothing shifts.
   */
  function progress(done) {
    if (reported) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(function () {
      report('timeout', []);
    }, TIMEOUT_MS);
    if (done && done.total > 0) {
      var bar = document.querySelector('.boot-progress');
      var fill = bar && bar.firstElementChild;
      if (!fill) return;
      var share = Math.min(100, Math.floor((done.current * 100) / done.total));
      if (bar.className.indexOf('determinate') < 0) bar.className += ' determinate';
      fill.style.width = share + '%';
    }
  }

  function sameOrigin(url) {
    var anchor = document.createElement('a');
    anchor.href = url;
    return anchor.protocol === window.location.protocol && anchor.host === window.location.host;
  }

  /**
   * A download of the app that failed: an `error` event at a <script> means the script or a
   * module it imports could not be fetched (the loader's `import` of the wasm-bindgen glue
   * fires it at the inline loader; a syntax error is reported at the window instead); at a
   * <link>, a stylesheet or a preload of our own.
   */
  function isFailedDownload(event) {
    var target = event.target;
    if (!target || target === window || !target.tagName) return false;
    var tag = target.tagName.toLowerCase();
    if (tag === 'script') return true;
    return tag === 'link' && Boolean(target.href) && sameOrigin(target.href);
  }

  var missing = missingFeatures();

  /** Read by boot-initializer.js, the hooks trunk's loader calls while it loads the wasm. */
  window.fieldLedgerBoot = {
    /** Why the app must not start, or null. */
    blocked: missing.length ? 'old-browser' : null,
    /** A chunk of the wasm arrived (`{current, total}` bytes), or a stage of loading ended. */
    progress: progress,
    /**
     * Something failed: a failed or spoilt download says so. Any other failure reported by the
     * loader itself (`fromLoader`: the wasm downloaded, then failed as it started, e.g. a panic
     * before the app mounted) says that, naming the error; other stray errors wait for the
     * timeout.
     */
    failed: function (error, fromLoader) {
      var message = String((error && error.message) || error);
      // A network error is a TypeError in every engine ("Failed to fetch", "NetworkError when
      // attempting to fetch resource.", "Load failed"); wasm-bindgen names an error status.
      var networkError = Boolean(error) && error.name === 'TypeError' && /fetch|network|load failed/i.test(message);
      // The probes above vouch for every feature the build uses, so wasm that does not compile
      // was not what the server sent: cut short, or replaced by a proxy's page.
      var replaced = Boolean(error) && error.name === 'CompileError';
      if (networkError || replaced || message.indexOf('failed to fetch Wasm') === 0) {
        report('load-failed', []);
      } else if (fromLoader) {
        report('start-failed', [], ((error && error.name) || 'Error') + ': ' + message);
      }
    }
  };

  if (missing.length) {
    report('old-browser', missing);
    return;
  }

  // Resource errors do not bubble: listen in the capture phase to see every <link> and <script>.
  window.addEventListener(
    'error',
    function (event) {
      if (isFailedDownload(event)) report('load-failed', []);
    },
    true
  );
  // The wasm's stream breaking off mid-download rejects a promise nobody awaits.
  window.addEventListener('unhandledrejection', function (event) {
    window.fieldLedgerBoot.failed(event.reason);
  });
  // A file of the app finished loading. (Load events of elements never reach the window: the
  // document is the top of their path.)
  document.addEventListener(
    'load',
    function () {
      progress();
    },
    true
  );
  progress();
})();
