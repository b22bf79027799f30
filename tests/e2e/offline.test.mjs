// Offline: after one visit, the app loads and works with the network off.
import { test } from "node:test";
import assert from "node:assert/strict";
import { siteAndBrowser, waitForScreen, press, answerAll } from "./support.mjs";
import { SEED_ELIGIBLE } from "./seed_answers.mjs";

const site = siteAndBrowser();

test("loads and completes the questionnaire with the network off", async () => {
  const context = await site.browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.goto(`${site.server.url}/?lang=es`);
  await waitForScreen(page, "welcome");
  // The service worker is installed and has kept the app's files.
  await page.waitForFunction(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    if (!reg || !reg.active) return false;
    const cache = await caches.open("trialmatch-v1");
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
