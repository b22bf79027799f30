// Kiosk mode: a shared touch screen. After a quiet spell it asks "Are you still there?",
// then wipes every answer and shows the welcome screen for the next person. (The wipe as
// a fresh page load, the support screen, hidden and frozen pages: page_lifecycle.test.mjs.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { siteAndBrowser, waitForScreen, press, enterNumber, settled, screenshot, markPage, waitForFreshPage, words } from "./support.mjs";

const site = siteAndBrowser();

const KIOSK = { viewport: { width: 1080, height: 1920 }, hasTouch: true };
// The idle time, in seconds: short, but longer than a touch takes to land and draw on a
// loaded 2-core machine (drawn in software at 1080x1920), so no pause between two touches of
// a test is ever taken for a person walking away. The countdown lasts as long.
const IDLE = 4;

// Waits (in order, with room for a loaded machine) until the page asks "Are you still
// there?", and returns what it shows then, read in the same moment: the countdown lasts
// only IDLE seconds before the page is loaded afresh.
async function stillThere(page) {
  const handle = await page.waitForFunction(() => {
    const t = window.trialmatch;
    if (!t || !t.ready || t.pendingFrames() !== 0) return false;
    const shown = t.describe();
    return shown.still_there && shown;
  }, null, { timeout: (IDLE + 20) * 1000, polling: 100 });
  return handle.jsonValue();
}

test("after the idle time, a countdown, then nothing of the last person can be reached", async () => {
  const context = await site.browser.newContext(KIOSK);
  const page = await context.newPage();
  await page.goto(`${site.server.url}/?mode=kiosk&idle=${IDLE}`);
  let shown = await waitForScreen(page, "welcome");
  assert.equal(shown.kiosk, true);
  assert.ok(words(shown).some((t) => t.startsWith("Welcome!")));
  await screenshot(page, "kiosk-welcome-en");
  await press(page, "start", { touch: true });
  await enterNumber(page, 58, { touch: true });
  await press(page, "option:yes", { touch: true });
  shown = await press(page, "lang", { touch: true });
  assert.equal(shown.answers.age, "58 años");
  assert.equal(shown.still_there, false, "no countdown while the person is answering");
  await markPage(page);

  // Walk away: the question stays, then the countdown appears.
  shown = await stillThere(page);
  assert.ok(words(shown).includes("¿Sigue ahí?"), JSON.stringify(words(shown)));
  assert.equal(shown.answers.age, "58 años", "the question stays under the countdown");
  // (Best effort: on a very slow machine the page may already have been wiped.)
  await screenshot(page, "kiosk-still-there-es");
  // Then the page is loaded afresh.
  shown = await waitForFreshPage(page, "welcome", (IDLE + 30) * 1000);
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
  await page.goto(`${site.server.url}/?mode=kiosk&idle=${IDLE}`);
  await waitForScreen(page, "welcome");
  await press(page, "start", { touch: true });
  await enterNumber(page, 33, { touch: true });
  await markPage(page);
  // The person is back within the countdown: tap at once, where the button was seen.
  const asked = await stillThere(page);
  const button = asked.buttons.find((b) => b.id === "still_here");
  assert.ok(button && button.visible, "'I'm still here' is on screen");
  await page.touchscreen.tap(button.x + button.w / 2, button.y + button.h / 2);
  let shown = await settled(page);
  assert.equal(await page.evaluate(() => !!window.__lastPage), true, "the same page: it was not wiped");
  assert.equal(shown.still_there, false);
  assert.equal(shown.screen, "question");
  assert.equal(shown.answers.age, "33 years");
  await context.close();
});

test("the result screen resets too, and a standalone page never does", async () => {
  const context = await site.browser.newContext(KIOSK);
  const page = await context.newPage();
  await page.goto(`${site.server.url}/?mode=kiosk&idle=${IDLE}`);
  await waitForScreen(page, "welcome");
  await press(page, "start", { touch: true });
  await enterNumber(page, 12, { touch: true });
  assert.equal((await press(page, "see_result", { touch: true })).screen, "result");
  await markPage(page);
  assert.deepEqual((await waitForFreshPage(page, "welcome", (2 * IDLE + 30) * 1000)).answers, {});

  // A standalone page asked for the same idle time, and a kiosk page beside it as the clock:
  // once the kiosk has asked "Are you still there?" and been wiped, the standalone page,
  // left alone since before the kiosk's last touch, has been idle longer than that. (Another
  // context, another window: a page behind another in the same window draws hardly at all.)
  const other = await site.browser.newContext(KIOSK);
  const standalone = await other.newPage();
  await standalone.goto(`${site.server.url}/?idle=${IDLE}`);
  await waitForScreen(standalone, "welcome");
  await press(standalone, "start", { touch: true });
  await enterNumber(standalone, 12, { touch: true });
  await press(page, "start", { touch: true });
  await enterNumber(page, 12, { touch: true });
  await markPage(page);
  await stillThere(page);
  await waitForFreshPage(page, "welcome", (IDLE + 30) * 1000);
  const shown = await settled(standalone);
  assert.equal(shown.screen, "review");
  assert.equal(shown.still_there, false);
  await other.close();
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
