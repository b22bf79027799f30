// Kiosk mode: a shared touch screen. After a quiet spell it asks "Are you still there?",
// then wipes every answer and shows the welcome screen for the next person. (The wipe as
// a fresh page load, the support screen, hidden and frozen pages: page_lifecycle.test.mjs.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { siteAndBrowser, waitForScreen, press, enterNumber, settled, screenshot, words } from "./support.mjs";

const site = siteAndBrowser();

const KIOSK = { viewport: { width: 1080, height: 1920 }, hasTouch: true };

test("after the idle time, a countdown, then nothing of the last person can be reached", async () => {
  const context = await site.browser.newContext(KIOSK);
  const page = await context.newPage();
  await page.goto(`${site.server.url}/?mode=kiosk&idle=2`);
  let shown = await waitForScreen(page, "welcome");
  assert.equal(shown.kiosk, true);
  assert.ok(words(shown).some((t) => t.startsWith("Welcome!")));
  await screenshot(page, "kiosk-welcome-en");
  await press(page, "start", { touch: true });
  await enterNumber(page, 58, { touch: true });
  await press(page, "option:yes", { touch: true });
  shown = await press(page, "lang", { touch: true });
  assert.equal(shown.answers.age, "58 años");

  // Walk away: the question stays, then the countdown appears.
  await page.waitForFunction(() => window.trialmatch.describe().still_there, null, { timeout: 10000 });
  shown = await settled(page);
  assert.ok(words(shown).includes("¿Sigue ahí?"));
  await screenshot(page, "kiosk-still-there-es");
  await page.waitForFunction(() => window.trialmatch && window.trialmatch.ready && window.trialmatch.describe().screen === "welcome", null, { timeout: 15000 });
  shown = await settled(page);
  assert.equal(shown.still_there, false);
  assert.deepEqual(shown.answers, {}, "every answer is gone");
  assert.equal(shown.lang, "en", "the next person starts in the kiosk's language");
  const onScreen = JSON.stringify([shown.heading, words(shown), shown.buttons.map((b) => b.label), shown.answers]);
  assert.ok(!/\b58\b/.test(onScreen), "nothing of the last person is on screen: " + onScreen);

  // Not by Back, not by starting again.
  shown = await press(page, "start", { touch: true });
  assert.equal(shown.question.id, "age");
  assert.equal(shown.question.answer, null);
  assert.equal(shown.question.entry, "");
  shown = await press(page, "back", { touch: true });
  assert.equal(shown.screen, "welcome");
  // Not in the page or in storage.
  const stored = await page.evaluate(() => ({
    local: localStorage.length, session: sessionStorage.length, cookie: document.cookie,
    text: document.body.innerText,
  }));
  assert.deepEqual({ ...stored, text: undefined }, { local: 0, session: 0, cookie: "", text: undefined });
  assert.ok(stored.text.includes("Welcome!"), "the page (and its accessibility mirror) shows the welcome screen");
  assert.ok(!/58|years|años/.test(stored.text), "nothing of the last person is in the page");
  await context.close();
});

test("'I'm still here' keeps the answers", async () => {
  const context = await site.browser.newContext(KIOSK);
  const page = await context.newPage();
  await page.goto(`${site.server.url}/?mode=kiosk&idle=4`);
  await waitForScreen(page, "welcome");
  await press(page, "start", { touch: true });
  await enterNumber(page, 33, { touch: true });
  await page.waitForFunction(() => window.trialmatch.describe().still_there, null, { timeout: 10000 });
  let shown = await press(page, "still_here", { touch: true });
  assert.equal(shown.still_there, false);
  assert.equal(shown.screen, "question");
  assert.equal(shown.answers.age, "33 years");
  await context.close();
});

test("the result screen resets too, and a standalone page never does", async () => {
  const context = await site.browser.newContext(KIOSK);
  const page = await context.newPage();
  await page.goto(`${site.server.url}/?mode=kiosk&idle=3`);
  await waitForScreen(page, "welcome");
  await press(page, "start", { touch: true });
  await enterNumber(page, 12, { touch: true });
  await press(page, "see_result", { touch: true });
  await page.waitForFunction(() => window.trialmatch && window.trialmatch.ready && window.trialmatch.describe().screen === "welcome", null, { timeout: 15000 });
  assert.deepEqual((await settled(page)).answers, {});

  const standalone = await context.newPage();
  await standalone.goto(`${site.server.url}/?idle=1`);
  await waitForScreen(standalone, "welcome");
  await press(standalone, "start", { touch: true });
  await enterNumber(standalone, 12, { touch: true });
  await standalone.waitForTimeout(3000);
  const shown = await settled(standalone);
  assert.equal(shown.screen, "review");
  assert.equal(shown.still_there, false);
  await context.close();
});

test("no context menu in kiosk mode", async () => {
  const page = await site.browser.newPage({ viewport: { width: 1080, height: 1920 } });
  await page.goto(`${site.server.url}/?mode=kiosk`);
  await waitForScreen(page, "welcome");
  const prevented = await page.evaluate(() => {
    const e = new MouseEvent("contextmenu", { bubbles: true, cancelable: true });
    document.getElementById("canvas").dispatchEvent(e);
    return e.defaultPrevented;
  });
  assert.equal(prevented, true);
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).userSelect), "none");
  await page.close();
});
