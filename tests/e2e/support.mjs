// Shared helpers for the browser tests: a static file server on 127.0.0.1 for the built
// site, and Debian's Chromium launched through playwright-core (never a downloaded browser).
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { before, after } from "node:test";
import { chromium } from "playwright-core";

export const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm",
  ".json": "application/json", ".css": "text/css", ".png": "image/png", ".svg": "image/svg+xml", ".webmanifest": "application/manifest+json",
};

export const SITE_DIR = process.env.TRIALMATCH_SITE || path.resolve("build/wasm/site");
export const ARTIFACTS_DIR = path.resolve(process.env.TRIALMATCH_ARTIFACTS || "test-results");

const SITE_HEADERS = fileURLToPath(new URL("../../build-scripts/site_headers.py", import.meta.url));
const headerSets = new Map();

// The headers a deployment sends (deploy/headers.json, with frame-ancestors from the site's
// deploy-config.json), as build-scripts/site_headers.py computes them: one source of truth.
export function siteHeaders(configText) {
  if (!headerSets.has(configText)) {
    const run = spawnSync("python3", [SITE_HEADERS, "json", "-"], { input: configText, encoding: "utf8" });
    if (run.status !== 0) throw new Error("site_headers.py: " + run.stderr);
    headerSets.set(configText, JSON.parse(run.stdout));
  }
  return headerSets.get(configText);
}

// Serves `root` (plus optional extra files by URL path) on an ephemeral loopback port, with
// the deployment's headers (unless `headers: false`). Every request it receives is kept in
// `requests` (method and path). An extra file may also be a function (req, res) that answers
// itself (a slow or endless file).
export async function serve(root = SITE_DIR, extra = {}, { headers = true } = {}) {
  const requests = [];
  // The file a path is answered with, decoded and without . and .. (as build-scripts/serve.py
  // resolves it): the page's headers go with the page's file however its path is spelled.
  const fileFor = (pathname) => {
    let file;
    try { file = decodeURIComponent(pathname); } catch { return null; }
    if (file.includes("\0")) return null;
    file = path.posix.normalize(file.replace(/\/+/g, "/"));
    return file.endsWith("/") ? file + "index.html" : file;
  };
  const headersFor = (file) => {
    if (!headers) return {};
    const configFile = path.join(root, "deploy-config.json");
    const config = extra["/deploy-config.json"] ?? (fs.existsSync(configFile) ? fs.readFileSync(configFile, "utf8") : "{}");
    const h = siteHeaders(config);
    const pages = h.page_paths.map((p) => (p.endsWith("/") ? p + "index.html" : p));
    if (pages.includes(file)) return { ...h.every_file, ...h.the_page };
    return h.window_paths.includes(file) ? { ...h.every_file, ...h.the_window } : { ...h.every_file };
  };
  const server = http.createServer((req, res) => {
    requests.push({ method: req.method, path: req.url, at: Date.now() });
    // The path as sent, up to any query ("//confirm.html" is a path here, not a host).
    const file = fileFor(req.url.replace(/[?#].*$/s, ""));
    for (const [name, value] of Object.entries(headersFor(file))) res.setHeader(name, value);
    if (file === null) {
      res.writeHead(400, { "content-type": "text/plain" });
      res.end("bad path");
      return;
    }
    if (typeof extra[file] === "function") {
      extra[file](req, res);
      return;
    }
    if (extra[file] !== undefined) {
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream" });
      res.end(extra[file]);
      return;
    }
    const full = path.join(root, file);
    if (!full.startsWith(root) || !fs.existsSync(full) || fs.statSync(full).isDirectory()) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(full)] || "application/octet-stream" });
    fs.createReadStream(full).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((r) => server.close(r)) };
}

// `backForwardCache`: Playwright turns the back/forward cache off; with this, the browser
// keeps it on, as people's browsers do.
export async function launchBrowser({ backForwardCache = false } = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    ignoreDefaultArgs: backForwardCache ? ["--disable-back-forward-cache"] : [],
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--enable-unsafe-swiftshader"],
  });
}

// The words of a screen's texts (the screen model gives each text with its role: see
// docs/screen-model.md).
export function words(shown) {
  return shown.texts.map((t) => t.text);
}

// Waits until the app has drawn everything queued (and shows `screen`, unless it is null),
// and returns what it shows, read in the same moment: a file that arrives a moment later
// changes the flow before the next frame draws it.
async function drawnScreen(page, screen, timeout) {
  const handle = await page.waitForFunction((s) => {
    const app = window.trialmatch;
    const now = app && app.ready && app.pendingFrames() === 0 && app.describe();
    return now && (s === null || now.screen === s) && now;
  }, screen, { timeout });
  const shown = await handle.jsonValue();
  await handle.dispose();
  return shown;
}

// Waits until the app shows `screen` (loading / error / question ...), drawn, and returns
// what it shows. `page` may also be a frame (the app embedded in a host page).
export async function waitForScreen(page, screen, timeout = 20000) {
  return drawnScreen(page, screen, timeout);
}

// Saves test-results/NAME.png. `app`: the frame the app runs in, if it is embedded in `page`;
// `fullPage`: the whole scrolling page, not just the window.
export async function screenshot(page, name, { app = page, fullPage = false } = {}) {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  // Let the last queued frames draw first.
  await app.waitForFunction(() => window.trialmatch.pendingFrames() === 0, null, { timeout: 10000 });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

// Waits until the page has drawn everything queued, then returns what it shows. A kiosk's
// wipe loads the page afresh: if that happens meanwhile, it waits for the new page.
export async function settled(page) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await drawnScreen(page, null, 10000);
    } catch (error) {
      if (attempt >= 3 || !/Execution context was destroyed|navigat/i.test(String(error))) throw error;
    }
  }
}

// Marks the page now showing, so that waitForFreshPage can tell a new page load from it.
export async function markPage(page) {
  await page.evaluate(() => { window.__lastPage = true; });
}

// Waits until the page was loaded afresh since markPage (a kiosk's wipe, a page coming back)
// and the new page shows `screen`; returns what it shows.
export async function waitForFreshPage(page, screen, timeout = 30000) {
  await page.waitForFunction(
    (s) => !window.__lastPage && window.trialmatch && window.trialmatch.ready && window.trialmatch.describe().screen === s,
    screen, { timeout, polling: 100 });
  return settled(page);
}

// Presses the button with `id` the way a person would: a finger tap on touch pages, a
// mouse click otherwise, at the button's place on the canvas. Scrolls it into view first.
export async function press(page, id, { touch = false } = {}) {
  // A result at 200% text on a small phone is some 8,000 pixels long. One wheel turn takes the
  // button to the middle of the scrolling part (the app scrolls by the whole turn); the loop
  // looks again and turns again if the page moved meanwhile.
  for (let attempt = 0; attempt < 60; attempt++) {
    const shown = await settled(page);
    const button = shown.buttons.find((b) => b.id === id);
    if (!button) throw new Error(`no button "${id}" on the ${shown.screen} screen: ` + shown.buttons.map((b) => b.id).join(", "));
    if (!button.visible) {
      // Scroll it to the middle of the part of the page that scrolls (above any pinned actions).
      const viewport = page.viewportSize();
      const { top = 0, bottom = viewport.height } = shown.scroll ?? {};
      await page.mouse.move(viewport.width / 2, (top + bottom) / 2);
      const by = button.y + button.h / 2 - (top + bottom) / 2;
      await page.mouse.wheel(0, Math.sign(by) * Math.max(40, Math.abs(by)));
      continue;
    }
    const x = button.x + button.w / 2, y = button.y + button.h / 2;
    if (touch) await page.touchscreen.tap(x, y);
    else await page.mouse.click(x, y);
    return settled(page);
  }
  throw new Error(`could not scroll button "${id}" into view`);
}

// Types a number on the on-screen keypad and continues.
export async function enterNumber(page, value, options) {
  for (const digit of String(value)) await press(page, `key:${digit}`, options);
  return press(page, "continue", options);
}

// Answers the seed study's questions from a map of question id -> button id(s).
export async function answerAll(page, answers, options) {
  let shown = await settled(page);
  while (shown.screen === "question") {
    const id = shown.question.id;
    if (answers[id] === undefined) return shown;  // the caller takes over here
    const a = answers[id];
    if (typeof a === "number") shown = await enterNumber(page, a, options);
    else if (Array.isArray(a)) {
      for (const option of a) await press(page, `option:${option}`, options);
      shown = await press(page, "continue", options);
    } else shown = await press(page, `option:${a}`, options);
    if (shown.screen === "support") shown = await press(page, "support_continue", options);
  }
  return shown;
}

// Presses the button with `id` through the accessibility mirror (the page's own HTML buttons,
// as a screen reader would) once the app has settled, and returns what the app then shows.
// `app` is a page or the frame the app runs in.
export async function pressInMirror(app, id) {
  await app.waitForFunction((b) => window.trialmatch.pendingFrames() === 0 && !!document.querySelector(`#a11y button[data-id="${b}"]`),
                            id, { timeout: 10000 });
  await app.evaluate((b) => document.querySelector(`#a11y button[data-id="${b}"]`).click(), id);
  return settled(app);
}

// The app embedded in `page` by embed.js (in the element #box): waits until it shows its
// welcome screen. Returns the app's frame and the iframe element's handle.
export async function embeddedApp(page) {
  const handle = await page.waitForSelector("#box iframe");
  const frame = await handle.contentFrame();
  await waitForScreen(frame, "welcome");
  return { frame, handle };
}

// A fence for "nothing more was posted": once the app in `from` (a page or a frame) has drawn
// everything queued, `from` posts a message of its own to its parent (itself, for a top page)
// and this waits until that page has received it. Messages from one window to another arrive
// in the order they were posted, so whatever was posted before has arrived by then. The
// fence is {testFence: "..."}: a test page that records messages should leave it out.
export async function messageFence(from, to = from) {
  const id = `fence-${Date.now()}-${Math.random()}`;
  await to.evaluate(() => {
    if (window.__fences) return;
    window.__fences = new Set();
    window.addEventListener("message", (e) => { if (e.data && typeof e.data.testFence === "string") window.__fences.add(e.data.testFence); });
  });
  if (await from.evaluate(() => !!window.trialmatch)) await settled(from);
  await from.evaluate((f) => window.parent.postMessage({ testFence: f }, "*"), id);
  await to.waitForFunction((f) => window.__fences.has(f), id, { timeout: 10000 });
}

// The confirm screen ignores a press in its first second (against a click hurried onto it).
// Waits, by the app's page's clock, until that second has passed since `since` (that page's
// Date.now() when the test saw the confirm screen, which is after the app showed it). This
// is a wall-clock wait on purpose: the guard itself is about time.
// Presses a button of the embedded app `frame` as a keyboard user would (focus its mirror
// twin, then Enter): a real key press, which lets the app open a window.
export async function pressByKeyboard(frame, id) {
  const button = `#a11y button[data-id="${id}"]`;
  await frame.waitForFunction((b) => window.trialmatch.pendingFrames() === 0 && !!document.querySelector(b), button,
                              { timeout: 10000 });
  await frame.focus(button);
  await frame.page().keyboard.press("Enter");
  return settled(frame);
}

// Straight to the seed study's result, not eligible at 16, by the mirror's buttons.
export async function notEligibleResult(app) {
  let shown;
  for (const id of ["start", "key:1", "key:6", "continue", "see_result"]) shown = await pressInMirror(app, id);
  return shown;
}

// "Send to the study team" in the embedded app `frame`: the app's own confirmation window
// (web/confirm.html) opens. Returns that window's page once it shows its words.
export async function openShareWindow(frame, button = "share") {
  const opened = frame.page().context().waitForEvent("page", { timeout: 10000 });
  await pressByKeyboard(frame, button);
  const popup = await opened;
  await popup.waitForSelector("#confirm:not([hidden])", { timeout: 10000 });
  return popup;
}

// The confirmation window ignores a press within a second of its words appearing.
export const SHARE_GUARD_MS = 1000;
// Answers in the confirmation window ("yes" or "no") as a person would, past its guard; the
// window closes itself.
export async function answerShareWindow(popup, answer) {
  if (answer === "yes") await popup.waitForTimeout(SHARE_GUARD_MS + 200);
  const closed = popup.waitForEvent("close", { timeout: 10000 });
  // The window closes itself within the click: Playwright may then report the page closed.
  await popup.click(`#${answer}`, { noWaitAfter: true }).catch((e) => { if (!popup.isClosed()) throw e; });
  await closed;
}

// What the service worker keeps in Cache Storage, as "CACHE-NAME URL" lines, and what it may
// keep: only the app's own files and study files, under their plain addresses (no query).
export const CACHED_APP_FILE = /^trialmatch-v2 http:\/\/127\.0\.0\.1:\d+\/(index\.html|boot\.js|lifecycle\.js|host\.js|deploy-config\.json|mirror\.js|print\.js|style\.css|icon\.svg|manifest\.webmanifest|app\.js|app\.wasm|(?:trials|catalogs)\/[A-Za-z0-9_-][A-Za-z0-9._-]*\.json)$/;
export async function cacheEntries(app) {
  return app.evaluate(async () => {
    const out = [];
    for (const name of await caches.keys())
      for (const request of await (await caches.open(name)).keys()) out.push(name + " " + request.url);
    return out;
  });
}

// Waits until the page's service worker is active (and, with `controlling`, handles this
// page's requests).
export async function waitForServiceWorker(page, { controlling = false } = {}) {
  await page.waitForFunction(async (c) => {
    const reg = await navigator.serviceWorker.getRegistration();
    return !!(reg && reg.active && (!c || (reg.active.state === "activated" && navigator.serviceWorker.controller)));
  }, controlling, { timeout: 20000, polling: 250 });
}

// Loads `url` (or, with no url, the same page again) until the service worker handled the
// load. Chromium may send a page's load past an active worker straight to the network when
// the machine is busy (measured: 8 of 25 loads on two saturated cores, with workerStart 0 in
// the navigation timing); the page is then not controlled and, offline, not loaded at all.
// That is the browser's choice, not the app's, so the load is tried again, up to `tries`
// times; a worker that never answers still fails the test.
// Each try is a fresh load of the address (after a failed load the tab shows the browser's
// error page, and Playwright cannot reload that: "Not attached to an active page").
export async function loadThroughServiceWorker(page, url = null, { tries = 6 } = {}) {
  const address = url ?? page.url();
  let last = null;
  for (let i = 0; i < tries; i++) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, 250));
    try {
      await page.goto(address);
      const viaWorker = await page.evaluate(() =>
        !!navigator.serviceWorker.controller && performance.getEntriesByType("navigation")[0].workerStart > 0);
      if (viaWorker) return;
      last = new Error("the page was loaded without the service worker");
    } catch (error) {
      last = error;
    }
  }
  throw last;
}

// For a test file: serves the site (plus `extra` files) and launches Chromium before the
// tests, and closes both after. Use `site.server.url` and `site.browser`.
export function siteAndBrowser(extra = {}) {
  const site = {};
  before(async () => {
    site.server = await serve(SITE_DIR, extra);
    site.browser = await launchBrowser();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
