// The privacy promise, proved, in every mode (standalone, kiosk, embedded) and through
// every screen (language switch, the support screen and its 988 buttons, review and
// change, the result, share, Start over, a kiosk wipe, the error screen), from load to
// well after the result:
//  - every request the browser context makes (service worker included) and every request
//    the server receives is one of the app's own files, fetched plainly (no query but the
//    page's own address, no body); no WebSocket, beacon, EventSource or WebRTC is even tried;
//  - nothing is written to cookies, localStorage, sessionStorage or IndexedDB; Cache Storage
//    holds only the app's own files; window.name and history.state stay empty.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launchBrowser, waitForScreen, press, settled, embeddedApp, pressInMirror, messageFence, openShareWindow, answerShareWindow,
         CACHED_APP_FILE, cacheEntries, waitForServiceWorker } from "./support.mjs";

const appFiles = {};
const hostFiles = {};
const site = {};
let host;
before(async () => {
  site.server = await serve(undefined, appFiles);
  host = await serve(undefined, hostFiles);
  appFiles["/deploy-config.json"] = JSON.stringify({ share_origins: [host.url] });
  hostFiles["/sponsor.html"] = sponsorPage(site.server.url);
  site.browser = await launchBrowser();
});
after(async () => {
  await site.browser?.close();
  await site.server?.close();
  await host?.close();
});

// The app's own files: the only things it may ask its site for.
const OWN_FILE = /^\/(|index\.html|boot\.js|lifecycle\.js|host\.js|mirror\.js|print\.js|style\.css|app\.js|app\.wasm|sw\.js|icon\.svg|manifest\.webmanifest|deploy-config\.json|embed\.js|confirm\.html|confirm\.js|confirm\.css|trials\/[A-Za-z0-9_-][A-Za-z0-9._-]*\.json)$/;

// Runs before the page's own scripts: records every attempt to store something or to open
// a channel out (even one the Content-Security-Policy would then block).
function recordAttempts() {
  window.__attempts = [];
  const note = (what) => window.__attempts.push(what);
  for (const name of ["setItem", "removeItem", "clear"]) {
    const original = Storage.prototype[name];
    Storage.prototype[name] = function (...args) {
      note(`${this === window.localStorage ? "localStorage" : "sessionStorage"}.${name}(${args[0] ?? ""})`);
      return original.apply(this, args);
    };
  }
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, "cookie");
  Object.defineProperty(Document.prototype, "cookie", {
    get() { return cookie.get.call(this); },
    set(value) { note(`cookie=${value}`); return cookie.set.call(this, value); },
  });
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (...args) { note(`indexedDB.open(${args[0]})`); return open.apply(this, args); };
  const wrap = (name) => {
    const Original = window[name];
    if (!Original) return;
    window[name] = new Proxy(Original, { construct(target, args) { note(`${name}(${args[0]})`); return Reflect.construct(target, args); } });
  };
  ["WebSocket", "EventSource", "RTCPeerConnection", "Worker", "SharedWorker"].forEach(wrap);
  const beacon = navigator.sendBeacon && navigator.sendBeacon.bind(navigator);
  if (beacon) navigator.sendBeacon = (url, data) => { note(`sendBeacon(${url})`); return beacon(url, data); };
  window.addEventListener("securitypolicyviolation", (e) => note(`blocked ${e.violatedDirective} ${e.blockedURI}`));
  // The page's timers still to run (for quiet(): a page with none can do nothing more by itself).
  window.__timers = new Map();
  const [setT, clearT, setI, clearI] = [setTimeout, clearTimeout, setInterval, clearInterval];
  window.setTimeout = function (fn, ms, ...rest) {
    const id = setT.call(window, (...a) => { window.__timers.delete(id); return typeof fn === "function" ? fn(...a) : undefined; }, ms, ...rest);
    window.__timers.set(id, `setTimeout ${ms}`);
    return id;
  };
  window.clearTimeout = (id) => { window.__timers.delete(id); return clearT.call(window, id); };
  window.setInterval = function (fn, ms, ...rest) {
    const id = setI.call(window, fn, ms, ...rest);
    window.__timers.set(id, `setInterval ${ms}`);
    return id;
  };
  window.clearInterval = (id) => { window.__timers.delete(id); return clearI.call(window, id); };
}

// Records, for a browser context: its requests (pages, frames and the service worker),
// WebSockets, and the pages' attempts. `pageUrls`: the addresses the test itself opens.
function watch(context) {
  const seen = { requests: [], sockets: [], open: new Set() };
  context.on("request", (r) => {
    seen.open.add(r);
    seen.requests.push({ url: r.url(), method: r.method(), body: r.postData(), worker: !!r.serviceWorker(), type: r.resourceType() });
  });
  context.on("requestfinished", (r) => seen.open.delete(r));
  context.on("requestfailed", (r) => seen.open.delete(r));
  context.on("page", (p) => p.on("websocket", (ws) => seen.sockets.push(ws.url())));
  return seen;
}

function assertOnlyOwnFiles(seen, server, origins, pageUrls) {
  for (const r of seen.requests) {
    const url = new URL(r.url);
    assert.ok(origins.includes(url.origin), `only the page's own sites: ${r.url}`);
    assert.equal(r.method, "GET", r.url);
    assert.equal(r.body, null, r.url);
    if (url.origin !== site.server.url) continue;  // the host page's own files
    if (pageUrls.includes(r.url)) continue;         // the page's address, as the test opened it
    assert.match(url.pathname, OWN_FILE, `only the app's own files: ${r.url}`);
    assert.equal(url.search, "", `no query on a file request: ${r.url}`);
  }
  assert.ok(seen.requests.some((r) => r.worker), "the service worker's own requests are recorded too");
  for (const r of server.requests) {
    const url = new URL(r.path, "http://x");
    assert.equal(r.method, "GET", r.path);
    if (pageUrls.some((p) => new URL(p).pathname + new URL(p).search === r.path)) continue;
    assert.match(url.pathname, OWN_FILE, `the server was asked only for the app's files: ${r.path}`);
    assert.equal(url.search, "", `the server got no query: ${r.path}`);
  }
  assert.deepEqual(seen.sockets, [], "no WebSocket");
}

// Waits until the app in `app` (a page or frame) can do nothing more by itself: every frame
// drawn, no timer of the page's left to run, no request of the context still open. Only new
// input (a touch, a message, the network) could make it act again; "well after the result" is
// this, which no wait by the clock can promise.
async function quiet(app, seen) {
  await settled(app);
  await app.waitForFunction(() => window.trialmatch.pendingFrames() === 0 && window.__timers.size === 0, null,
                            { timeout: 30000, polling: 100 })
    .catch(async (e) => { throw new Error(`${e.message}; timers: ${await app.evaluate(() => [...window.__timers.values()].join(", "))}`); });
  for (const end = Date.now() + 30000; seen.open.size > 0;) {
    assert.ok(Date.now() < end, "requests still open: " + [...seen.open].map((r) => r.url()).join(", "));
    await new Promise((r) => setImmediate(r));
  }
}

async function assertNothingKept(context, page) {
  const cacheKeys = await cacheEntries(page);
  const kept = await page.evaluate(async () => {
    return {
      attempts: window.__attempts,
      local: localStorage.length, session: sessionStorage.length, cookie: document.cookie,
      databases: indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [],
      name: window.name, state: history.state,
    };
  });
  assert.deepEqual(kept.attempts, [], "nothing stored, no channel out tried");
  assert.deepEqual([kept.local, kept.session, kept.cookie, kept.databases, kept.name, kept.state], [0, 0, "", [], "", null]);
  for (const key of cacheKeys) assert.match(key, CACHED_APP_FILE, "Cache Storage holds only the app's own files");
  assert.deepEqual(await context.cookies(), [], "no cookies");
}

// Answers whatever the study asks, the same way every time, so these tests do not depend on
// the study's questions: the age typed, "yes" wherever it is offered (so a question about
// thoughts of self-harm is answered yes and the support screen shows, where both 988
// buttons are pressed), else "None of these" or the first option, the first month.
// `tap(id)` presses a button and returns what the app then shows.
async function answerEverything(shown, tap) {
  let support = false;
  for (let i = 0; i < 80 && (shown.screen === "question" || shown.screen === "support"); i++) {
    if (shown.screen === "support") {
      if (!support) {
        support = true;
        await tap("call988");
        await tap("text988");
      }
      shown = await tap("support_continue");
      continue;
    }
    const ids = shown.buttons.map((b) => b.id);
    const first = (prefix) => ids.find((id) => id.startsWith(prefix));
    if (shown.question.type === "number") {
      for (const digit of "44") await tap(`key:${digit}`);
      shown = await tap("continue");
    } else if (shown.question.type === "multiple") {
      await tap(ids.includes("option:none") ? "option:none" : first("option:"));
      shown = await tap("continue");
    } else if (shown.question.type === "month_year") {
      shown = await tap(first("month:"));
    } else {
      shown = await tap(ids.includes("option:yes") ? "option:yes" : first("option:"));
    }
  }
  assert.ok(support, "the support screen was reached (a yes to thoughts of self-harm)");
  return shown;
}

// Every screen a person can reach, by finger: the language both ways, the questions, the
// support screen and both 988 buttons, the review screen and a changed answer, the result.
async function throughEveryScreen(page) {
  await page.evaluate(() => { window.openedLinks = []; window.trialmatch.openLink = (u) => window.openedLinks.push(u); });
  const tap = (id) => press(page, id, { touch: true });
  await tap("lang");
  await tap("lang");
  let shown = await answerEverything(await tap("start"), tap);
  assert.equal(shown.screen, "review");
  await tap("change:age");
  await tap("key:4");
  await tap("key:5");
  shown = await tap("continue");
  assert.equal(shown.screen, "review");
  assert.equal(shown.answers.age, "45 years");
  shown = await tap("see_result");
  assert.equal(shown.screen, "result");
  assert.deepEqual(await page.evaluate(() => window.openedLinks), ["tel:988", "sms:988"], "the 988 buttons only open the phone's own apps");
}

for (const mode of ["standalone", "kiosk"]) {
  test(`${mode}: only the app's own files, nothing kept, from load to well after the result`, async () => {
    site.server.requests.length = 0;
    const context = await site.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
    await context.addInitScript(recordAttempts);
    const seen = watch(context);
    const page = await context.newPage();
    const address = `${site.server.url}/?lang=en${mode === "kiosk" ? "&mode=kiosk&idle=6" : ""}`;
    await page.goto(address);
    await waitForScreen(page, "welcome");
    // The service worker has installed (its own requests are part of what is checked).
    await waitForServiceWorker(page);
    await throughEveryScreen(page);
    await assertNothingKept(context, page);
    if (mode === "standalone") {
      let shown = await press(page, "start_over", { touch: true });
      assert.deepEqual(shown.answers, {});
    } else {
      // The kiosk's wipe: a fresh page load of the same address, nothing else.
      await page.waitForFunction(() => window.trialmatch && window.trialmatch.ready && window.trialmatch.describe().still_there,
                                 null, { timeout: 30000 });
      await page.waitForFunction(() => window.trialmatch && window.trialmatch.ready && window.trialmatch.describe().screen === "welcome" &&
                                 Object.keys(window.trialmatch.describe().answers).length === 0, null, { timeout: 30000 });
    }
    await quiet(page, seen);  // well after the result
    assertOnlyOwnFiles(seen, site.server, [site.server.url], [address]);
    await assertNothingKept(context, page);
    await context.close();
  });
}

function sponsorPage(appUrl) {
  return  `<!doctype html><html><head><meta charset="utf-8"><title>Sponsor</title></head><body style="margin:0">
<div id="box" data-trialmatch data-trial="trials/NCT04979910.json" data-lang="en"></div>
<script>window.raw = []; window.addEventListener("message", (e) => { if (!(e.data && e.data.testFence)) window.raw.push(e.data); });</script>
<script src="${appUrl}/embed.js"></script></body></html>`;
}

test("embedded: the host hears ready, one height and the share it was given, and nothing else goes anywhere", async () => {
  site.server.requests.length = 0;
  host.requests.length = 0;
  const context = await site.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
  await context.addInitScript(recordAttempts);
  const seen = watch(context);
  const page = await context.newPage();
  await page.goto(`${host.url}/sponsor.html`);
  const { frame } = await embeddedApp(page);
  const frameAddress = frame.url();
  // Through the screens by the accessibility mirror's buttons (the frame's own buttons).
  const tap = (id) => pressInMirror(frame, id);
  await frame.evaluate(() => { window.openedLinks = []; window.trialmatch.openLink = (u) => window.openedLinks.push(u); });
  for (const id of ["lang", "lang", "text_size"]) await tap(id);
  let shown = await answerEverything(await tap("start"), tap);
  assert.equal(shown.screen, "review", JSON.stringify(shown.question));
  shown = await tap("see_result");
  assert.equal(shown.screen, "result");
  await messageFence(frame, page);
  assert.deepEqual(await page.evaluate(() => window.raw.map((m) => m.type)), ["ready", "height"], "before the share: ready and one height");
  const popup = await openShareWindow(frame);
  assert.equal((await settled(frame)).screen, "share_confirm");
  await answerShareWindow(popup, "yes");
  await quiet(frame, seen);  // well after the result and the share
  await messageFence(frame, page);
  const raw = await page.evaluate(() => window.raw);
  assert.deepEqual(raw.map((m) => m.type), ["ready", "height", "share"]);
  assert.equal(raw[2].summary.answers.age, 44);
  assert.deepEqual(await frame.evaluate(() => window.openedLinks), ["tel:988", "sms:988"]);
  shown = await tap("start_over");
  assert.deepEqual(shown.answers, {});
  await quiet(frame, seen);
  await messageFence(frame, page);
  assert.equal((await page.evaluate(() => window.raw)).length, 3, "Start over tells the host nothing");
  assertOnlyOwnFiles(seen, site.server, [site.server.url, host.url], [frameAddress, `${host.url}/sponsor.html`]);
  await assertNothingKept(context, frame);
  await context.close();
});

test("the error screen: nothing requested but the study file, nothing kept", async () => {
  site.server.requests.length = 0;
  const context = await site.browser.newContext();
  await context.addInitScript(recordAttempts);
  const seen = watch(context);
  const page = await context.newPage();
  const address = `${site.server.url}/?lang=es&trial=trials/missing.json`;
  await page.goto(address);
  await waitForScreen(page, "error");
  await waitForServiceWorker(page);
  await quiet(page, seen);
  assertOnlyOwnFiles(seen, site.server, [site.server.url], [address]);
  await assertNothingKept(context, page);
  await context.close();
});

test("the page's Content-Security-Policy allows connections only to its own site", async () => {
  const page = await site.browser.newPage();
  const violations = [];
  page.on("console", (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  await page.goto(site.server.url + "/");
  await waitForScreen(page, "welcome");
  const blocked = await page.evaluate(async () => {
    try {
      await fetch("http://127.0.0.2:9/collect", { method: "POST", body: "answers" });
      return false;
    } catch (e) {
      return true;
    }
  });
  assert.ok(blocked, "a request to another site is refused by the page itself");
  assert.ok(violations.length > 0, "and the browser reports the policy violation");
  await page.close();
});

// Browser translation sends the page's words to the browser maker's cloud: on the review
// screen those words are the person's answers. The page and its accessibility copy say no.
test("the page and its accessibility copy are never offered for translation", async () => {
  for (const query of ["?lang=en", "?lang=es&mode=kiosk", "?lang=en&embed=1"]) {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${site.server.url}/${query}`);
    await waitForScreen(page, "welcome");
    await press(page, "start");
    await press(page, "key:1");
    await press(page, "key:6");
    await press(page, "continue");
    const state = await page.evaluate(() => ({
      attribute: document.documentElement.getAttribute("translate"),
      google: document.querySelector('meta[name="google"]')?.content,
      classed: document.documentElement.classList.contains("notranslate"),
      translatable: [document.documentElement, ...document.querySelectorAll("body, body *")]
        .filter((el) => el.translate !== false).map((el) => el.tagName + "#" + el.id),
      mirror: document.getElementById("a11y").innerText,
    }));
    assert.equal(state.attribute, "no", query);
    assert.equal(state.google, "notranslate", query);
    assert.ok(state.classed, query);
    assert.deepEqual(state.translatable, [], `no element may be translated (${query})`);
    assert.match(state.mirror, /16/, "the mirror holds the answer in words: exactly what must not be sent");
    await page.close();
  }
});
