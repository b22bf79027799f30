// A page that comes back never brings a person's screen back, and a kiosk's wipe cannot be
// skipped: not by hiding the page (no frames are drawn), not by freezing it, not by the
// back/forward cache. A wipe is a fresh page load: nothing of the last person is left in
// the page or in the WebAssembly memory.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launchBrowser, waitForScreen, press, enterNumber, markPage, waitForFreshPage, words } from "./support.mjs";

let server, browser, bfcacheBrowser;

const ELSEWHERE = `<!doctype html><meta charset="utf-8"><title>Elsewhere</title><p>Another page</p>
<script>window.addEventListener("pageshow", (e) => { window.restored = e.persisted; });</script>`;

before(async () => {
  server = await serve(undefined, { "/elsewhere.html": ELSEWHERE, "/plain.html": ELSEWHERE });
  browser = await launchBrowser();
  bfcacheBrowser = await launchBrowser({ backForwardCache: true });
});
after(async () => {
  await browser?.close();
  await bfcacheBrowser?.close();
  await server?.close();
});

const KIOSK = { viewport: { width: 1080, height: 1920 }, hasTouch: true };

// Whether the page's WebAssembly memory holds `text` (UTF-8) anywhere, in use or freed.
function heapHas(page, text) {
  return page.evaluate((t) => {
    const heap = window.HEAPU8 || Module.HEAPU8;
    const bytes = new TextEncoder().encode(t);
    outer: for (let i = 0; i <= heap.length - bytes.length; i++) {
      if (heap[i] !== bytes[0]) continue;
      for (let j = 1; j < bytes.length; j++) if (heap[i + j] !== bytes[j]) continue outer;
      return true;
    }
    return false;
  }, text);
}

// How long after `since` (Date.now() in this process) the page now showing began loading:
// when a wipe asked for it, not counting the new page's own loading.
const loadBegan = (page, since) => page.evaluate((t) => performance.timeOrigin - t, since);

async function kioskWithAnAnswer(idle, age = 58) {
  const context = await browser.newContext(KIOSK);
  const page = await context.newPage();
  await page.goto(`${server.url}/?mode=kiosk&idle=${idle}&lang=en`);
  await waitForScreen(page, "welcome");
  await press(page, "start", { touch: true });
  await enterNumber(page, age, { touch: true });
  await markPage(page);
  return { context, page };
}

test("kiosk: a wipe loads a fresh page: nothing of the last person in the page or its memory", async () => {
  const { context, page } = await kioskWithAnAnswer(4);
  let shown = await press(page, "lang", { touch: true });
  assert.equal(shown.answers.age, "58 años");
  assert.ok(await heapHas(page, "58 años"), "the answer is in memory while the person is here");
  const historyLength = await page.evaluate(() => history.length);
  shown = await waitForFreshPage(page, "welcome");
  assert.equal(await page.evaluate(() => performance.getEntriesByType("navigation")[0].type), "reload", "the wipe was a page load");
  assert.equal(new URL(page.url()).search + new URL(page.url()).hash, "?mode=kiosk&idle=4&lang=en", "of the same address");
  assert.deepEqual(shown.answers, {});
  assert.equal(shown.lang, "en", "the next person starts in the kiosk's language");
  assert.equal(await heapHas(page, "58 años"), false, "the new page's memory holds nothing of the last person");
  assert.equal(await page.evaluate(() => history.length), historyLength, "the wipe adds no history entry to go Back to");
  await context.close();
});

test("kiosk: Start over is a fresh page too", async () => {
  const { context, page } = await kioskWithAnAnswer(60, 16);
  await press(page, "see_result", { touch: true });
  await press(page, "start_over", { touch: true });
  const shown = await waitForFreshPage(page, "welcome");
  assert.deepEqual(shown.answers, {});
  await context.close();
});

test("kiosk: a hidden page that draws no frames is still wiped on time", async () => {
  const { context, page } = await kioskWithAnAnswer(4);
  // Hidden: no animation frames at all, and the page says it is hidden.
  await page.evaluate(() => {
    window.requestAnimationFrame = () => 0;
    Object.defineProperty(document, "visibilityState", { get: () => "hidden", configurable: true });
    Object.defineProperty(document, "hidden", { get: () => true, configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  const hidden = Date.now();
  // Idle 4 s, then the 4 s countdown nobody sees: wiped about 8 s after the last touch (which
  // came before `hidden`), with no frame drawn. Measured to when the wipe began the new page
  // load, with a wide margin for a loaded machine; a wipe that waited for frames never comes.
  const shown = await waitForFreshPage(page, "welcome", 40000);
  const wipedAfter = await loadBegan(page, hidden);
  assert.ok(wipedAfter > 0 && wipedAfter < 12000, `wiped ${wipedAfter} ms after the page was hidden`);
  assert.deepEqual(shown.answers, {});
  await context.close();
});

test("kiosk: a page frozen past the idle time is wiped the moment it resumes, with no countdown", async () => {
  const { context, page } = await kioskWithAnAnswer(3);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Page.setWebLifecycleState", { state: "frozen" });
  // A wall-clock wait on purpose: the claim is about a page frozen for longer than its idle
  // time (3 s) and countdown (3 s) together; 9 s leaves 3 s to spare.
  await new Promise((r) => setTimeout(r, 9000));
  await cdp.send("Page.setWebLifecycleState", { state: "active" });
  const resumed = Date.now();
  const shown = await waitForFreshPage(page, "welcome", 30000);
  // The wipe began the new page load at once, not after a new countdown (3 s). Measured to
  // when that load began, so a slow page load on a loaded machine does not count.
  const wipedAfter = await loadBegan(page, resumed);
  // (Headless Chromium does not always hold a "frozen" page's timers, so the wipe may come
  // before the resume: either way it must not wait for a new countdown once resumed.)
  assert.ok(wipedAfter < 3000, `a fresh page began loading ${wipedAfter} ms after resuming: not after a new 3 s countdown`);
  assert.deepEqual(shown.answers, {});
  await context.close();
});

test("kiosk: on the support screen the numbers stay under the countdown and after the wipe, then give way to the welcome screen without another load", async () => {
  const context = await browser.newContext(KIOSK);
  const page = await context.newPage();
  await page.goto(`${server.url}/?mode=kiosk&idle=4`);
  await waitForScreen(page, "welcome");
  await press(page, "start", { touch: true });
  await enterNumber(page, 45, { touch: true });
  await press(page, "lang", { touch: true });
  let shown = await press(page, "help", { touch: true });
  assert.equal(shown.screen, "support");
  await markPage(page);
  // The same countdown as on any screen, with the numbers still there to press.
  await page.waitForFunction(() => window.trialmatch.describe().buttons.some((b) => b.id === "still_here"), null, { timeout: 20000 });
  shown = await page.evaluate(() => window.trialmatch.describe());
  assert.ok(shown.buttons.some((b) => b.id === "call988"), "the numbers stay under the countdown: " + JSON.stringify(shown.buttons.map((b) => b.id)));
  assert.match(words(shown).join(" "), /Los números de abajo seguirán en la pantalla/);
  shown = await waitForFreshPage(page, "support");
  assert.deepEqual(shown.answers, {}, "the answers are gone");
  assert.equal(shown.lang, "es", "the numbers stay in the language the person read them in");
  assert.match(words(shown).join(" "), /988/);
  assert.ok(shown.buttons.some((b) => b.id === "call988"));
  assert.equal(new URL(page.url()).search + new URL(page.url()).hash, "?mode=kiosk&idle=4", "the address is as before");
  assert.ok(server.requests.every((r) => !/support|988/.test(r.path)), "the server never learns which screen was showing");
  await markPage(page);
  const requests = server.requests.length;
  await page.waitForFunction(() => window.trialmatch.describe().screen === "welcome", null, { timeout: 20000 });
  shown = await page.evaluate(() => window.trialmatch.describe());
  assert.equal(await page.evaluate(() => window.__lastPage), true, "the same page: no second load");
  const loads = server.requests.slice(requests).filter((r) => /^\/(index\.html)?(\?|$)/.test(r.path));
  assert.deepEqual(loads, [], "the server is not asked for the page again");
  assert.equal(shown.lang, "en", "in the kiosk's own language");
  assert.ok(shown.buttons.some((b) => b.id === "help"), "'Need help now?' is still on the screen");
  await context.close();
});

for (const mode of ["standalone", "kiosk"]) {
  test(`${mode}: going away and pressing Back does not bring the last person's screen back`, async () => {
    const context = await bfcacheBrowser.newContext(KIOSK);
    const page = await context.newPage();
    // This browser does keep pages in the back/forward cache: a plain page comes back as it was.
    await page.goto(`${server.url}/plain.html`);
    await page.evaluate(() => { window.lastPerson = "plain"; });
    await page.goto(`${server.url}/elsewhere.html`);
    await page.goBack({ waitUntil: "commit" });
    await page.waitForFunction(() => window.restored !== undefined);
    assert.equal(await page.evaluate(() => [window.lastPerson, window.restored].join()), "plain,true",
                 "a plain page is restored from the back/forward cache");

    await page.goto(`${server.url}/?lang=en${mode === "kiosk" ? "&mode=kiosk&idle=600" : ""}`);
    await waitForScreen(page, "welcome");
    await press(page, "start", { touch: true });
    await enterNumber(page, 58, { touch: true });
    await markPage(page);
    await page.goto(`${server.url}/elsewhere.html`);
    await page.goBack({ waitUntil: "commit" });
    const shown = await waitForFreshPage(page, "welcome");
    assert.deepEqual(shown.answers, {});
    assert.ok(!/58/.test(await page.evaluate(() => document.body.innerText)));
    await context.close();
  });
}
