// The privacy promise, proved: after the page has loaded its own files, nothing is
// requested, and nothing is written to cookies, localStorage, sessionStorage or
// IndexedDB, from the first screen to the result.
import { test } from "node:test";
import assert from "node:assert/strict";
import { siteAndBrowser, waitForScreen, press, answerAll } from "./support.mjs";
import { SEED_ELIGIBLE } from "./seed_answers.mjs";

const site = siteAndBrowser();

// Runs before the page's own scripts: records every attempt to store something.
function recordStorageWrites() {
  window.__storageWrites = [];
  const note = (what) => window.__storageWrites.push(what);
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
}

for (const mode of ["standalone", "kiosk"]) {
  test(`${mode}: no request and no storage write after the app's own files, through to the result`, async () => {
    const context = await site.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
    await context.addInitScript(recordStorageWrites);
    const page = await context.newPage();
    const requests = [];
    page.on("request", (r) => requests.push({ url: r.url(), at: Date.now() }));
    const query = mode === "kiosk" ? "?mode=kiosk" : "";
    await page.goto(`${site.server.url}/${query}`);
    await waitForScreen(page, "welcome");
    const loadedAt = Date.now();
    const ownFiles = requests.map((r) => new URL(r.url));
    for (const url of ownFiles) assert.equal(url.origin, site.server.url, `only the page's own site: ${url}`);

    await press(page, "start", { touch: true });
    let shown = await answerAll(page, { ...SEED_ELIGIBLE, age: 44, self_harm_thoughts: "yes", can_become_pregnant: "no" },
                                { touch: true });
    shown = await press(page, "see_result", { touch: true });
    assert.equal(shown.verdict, "needs_review");
    await page.waitForTimeout(500);

    const late = requests.filter((r) => r.at > loadedAt).map((r) => r.url);
    assert.deepEqual(late, [], "no network request after the app's files loaded");
    assert.deepEqual(await page.evaluate(() => window.__storageWrites), [], "nothing stored on the device");
    assert.deepEqual(await context.cookies(), [], "no cookies");
    assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0);
    await context.close();
  });
}

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
