// The privacy promise, proved: after the page has loaded its own files, nothing is
// requested, and nothing is written to cookies, localStorage, sessionStorage or
// IndexedDB, from the first screen to the result.
import { test } from "node:test";
import assert from "node:assert/strict";
import { siteAndBrowser, waitForScreen, press, answerAll } from "./support.mjs";

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
    let shown = await answerAll(page, {
      age: 44, diagnosed_depression: "yes", depressed_now: "yes", self_harm_thoughts: "yes", on_antidepressant: "yes",
      dose_stable: "yes", treatments_tried: "two_or_more", other_main_diagnosis: "no", memory_condition: "no",
      substance_problems: "no", can_become_pregnant: "no", partner_could_become_pregnant: "no",
      mri_concerns: ["none"], can_attend_visits: "yes",
    }, { touch: true });
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
