// Offline: after one visit, the app loads and works with the network off.
import { test } from "node:test";
import assert from "node:assert/strict";
import { siteAndBrowser, waitForScreen, press, answerAll, cacheEntries, CACHED_APP_FILE, waitForServiceWorker, loadThroughServiceWorker } from "./support.mjs";
import { SEED_ELIGIBLE } from "./seed_answers.mjs";

const site = siteAndBrowser({ "/notes.txt": "a file of the site that is not the app's" });

test("loads and completes the questionnaire with the network off", async () => {
  const context = await site.browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.goto(`${site.server.url}/?lang=es`);
  await waitForScreen(page, "welcome");
  // The service worker is installed, handles this page (so the reload goes through it, also
  // on a busy machine) and has kept the app's files.
  await waitForServiceWorker(page, { controlling: true });
  await page.waitForFunction(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    if (!reg || !reg.active) return false;
    const cache = await caches.open("trialmatch-v2");
    return !!(await cache.match("app.wasm")) && !!(await cache.match("trials/NCT04979910.json"));
  }, null, { timeout: 20000, polling: 250 });

  await context.setOffline(true);
  await loadThroughServiceWorker(page);
  let shown = await waitForScreen(page, "welcome");
  assert.equal(shown.lang, "es");
  await press(page, "start");
  shown = await answerAll(page, { ...SEED_ELIGIBLE, age: 30, can_become_pregnant: "no" });
  shown = await press(page, "see_result");
  assert.equal(shown.verdict, "likely_eligible");
  await context.close();
});

test("the service worker keeps only the app's own files and study files, under their plain addresses", async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const base = site.server.url;
  await page.goto(`${base}/?lang=es&mode=kiosk&trial=trials/NCT04979910.json`);
  await waitForScreen(page, "welcome");
  await waitForServiceWorker(page, { controlling: true });
  // The worker sees this page's requests.
  await loadThroughServiceWorker(page, `${base}/index.html?embed=1&host=${encodeURIComponent("https://sponsor.example")}&lang=en`);
  await waitForScreen(page, "welcome");
  // Fetches through the worker: files that are not the app's, and queries. Then, as a fence,
  // one more fetch of a file it does keep: the worker handles fetches in the order they come,
  // and that file is in Cache Storage once its own fetch has been answered and the worker
  // has put it there; whatever it did with the fetches before is done by then.
  const fence = "icon.svg";  // (none of the fetches before is kept under its name)
  await page.evaluate(async (f) => {
    await (await caches.open("trialmatch-v2")).delete(f);
    for (const u of ["notes.txt", "embed-demo.html", "trials/NCT04979910.json?who=someone", "app.js?v=2", "missing.js"])
      await fetch(u).catch(() => null);
    await fetch(f);
  }, fence);
  await page.waitForFunction(async (f) => !!(await (await caches.open("trialmatch-v2")).match(f)), fence, { polling: 100, timeout: 10000 });
  const keys = await cacheEntries(page);
  assert.ok(keys.length >= 10, keys.join("\n"));
  for (const key of keys) assert.match(key, CACHED_APP_FILE, "only the app's files, with no query");
  await context.close();
});
