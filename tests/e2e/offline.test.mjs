// Offline: after one visit, the app loads and works with the network off.
import { test } from "node:test";
import assert from "node:assert/strict";
import { siteAndBrowser, waitForScreen, press, answerAll } from "./support.mjs";
import { SEED_ELIGIBLE } from "./seed_answers.mjs";

const site = siteAndBrowser({ "/notes.txt": "a file of the site that is not the app's" });

test("loads and completes the questionnaire with the network off", async () => {
  const context = await site.browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.goto(`${site.server.url}/?lang=es`);
  await waitForScreen(page, "welcome");
  // The service worker is installed and has kept the app's files.
  await page.waitForFunction(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    if (!reg || !reg.active) return false;
    const cache = await caches.open("trialmatch-v2");
    return !!(await cache.match("app.wasm")) && !!(await cache.match("trials/NCT04979910.json"));
  }, null, { timeout: 20000, polling: 250 });

  await context.setOffline(true);
  await page.reload();
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
  await page.waitForFunction(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return !!(reg && reg.active && reg.active.state === "activated" && navigator.serviceWorker.controller);
  }, null, { timeout: 20000, polling: 250 });
  await page.goto(`${base}/index.html?embed=1&host=${encodeURIComponent("https://sponsor.example")}&lang=en`);
  await waitForScreen(page, "welcome");
  assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), "the worker sees this page's requests");
  // Fetches through the worker: files that are not the app's, and queries.
  await page.evaluate(async () => {
    for (const u of ["notes.txt", "embed-demo.html", "trials/NCT04979910.json?who=someone", "app.js?v=2", "missing.js"])
      await fetch(u).catch(() => null);
  });
  await page.waitForTimeout(500);
  const keys = await page.evaluate(async () => {
    const out = [];
    for (const name of await caches.keys())
      for (const request of await (await caches.open(name)).keys()) out.push(name + " " + request.url);
    return out;
  });
  const allowed = /^trialmatch-v2 http:\/\/127\.0\.0\.1:\d+\/(index\.html|boot\.js|lifecycle\.js|host\.js|deploy-config\.json|mirror\.js|style\.css|icon\.svg|manifest\.webmanifest|app\.js|app\.wasm|trials\/[A-Za-z0-9_-][A-Za-z0-9._-]*\.json)$/;
  assert.ok(keys.length >= 10, keys.join("\n"));
  for (const key of keys) assert.match(key, allowed, "only the app's files, with no query");
  await context.close();
});
