// Issue 24 item 3: focus inside the embedded prescreener never moves the sponsor's page.
// A host page of another origin, much taller than its window, holds the frame partly in
// view and records every scroll of its own window; a person goes through the seed study by
// keyboard alone (Tab, Shift+Tab, Enter and Space), answering yes and no, to a result. The
// host must see no scroll at all, and inside the frame every focused element of the
// accessibility mirror must sit at one and the same place (so that a browser that does
// scroll a frame's focused element into view in the page around it shows that page nothing
// of which screen or answer it was), and the mirror must never ask the browser to scroll to
// what it focuses (preventScroll). (Chromium, which these tests drive, does not scroll the
// page around a frame to an element inside a fixed-position box, which the mirror is: the
// checks of the places and of preventScroll are what catch a mirror that a browser could
// make scroll the host. Without the fixed box, the old mirror scrolled this host on every
// screen, and to a different offset for Yes and for No.)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launchBrowser, settled, embeddedApp } from "./support.mjs";
import { SEED_ELIGIBLE } from "./seed_answers.mjs";

let app, host, browser;
const appFiles = {};  // the app site's deploy-config.json, once the host's origin is known

// 3000 pixels of the sponsor's own content above and below the frame.
const tallHost = (appUrl) => `<!doctype html><html><head><meta charset="utf-8"><title>Sponsor</title></head>
<body style="margin:0">
<div style="height:3000px">About our study (above the prescreener).</div>
<div id="box" data-trialmatch data-trial="trials/NCT04979910.json" data-lang="en"></div>
<div style="height:3000px">More about our study (below the prescreener).</div>
<script>
  window.scrolls = [];  // this window's scrollY after each of its scroll events
  window.addEventListener("scroll", () => window.scrolls.push(window.scrollY));
  window.sized = false;  // the frame has told its one height (embed.js sizes it)
  window.addEventListener("message", (e) => { if (e.data && e.data.source === "trialmatch" && e.data.type === "height") window.sized = true; });
</script>
<script src="${appUrl}/embed.js"></script>
</body></html>`;

before(async () => {
  app = await serve(undefined, appFiles);
  host = await serve(undefined, { "/sponsor.html": tallHost(app.url) });
  appFiles["/deploy-config.json"] = JSON.stringify({ share_origins: [host.url] });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app?.close();
  await host?.close();
});

// In the app's frame: every focus that lands in the mirror, with the focused element's place
// in the frame, and every focus() call made without preventScroll.
async function watchFocus(frame) {
  await frame.evaluate(() => {
    window.__focused = [];
    window.__scrollingFocus = [];
    document.addEventListener("focusin", (e) => {
      const el = e.target;
      if (!document.getElementById("a11y").contains(el)) return;
      const r = el.getBoundingClientRect();
      window.__focused.push({ what: el.tagName + (el.dataset.id ? ":" + el.dataset.id : ""), at: [r.x, r.y, r.width, r.height].join(",") });
    });
    const focus = HTMLElement.prototype.focus;
    HTMLElement.prototype.focus = function (options) {
      if (!(options && options.preventScroll === true)) window.__scrollingFocus.push(this.tagName + (this.dataset.id ? ":" + this.dataset.id : ""));
      return focus.call(this, options);
    };
  });
}

// Waits until the app has drawn everything and the mirror shows the screen the app shows.
async function mirrored(frame) {
  await frame.waitForFunction(() => {
    if (window.trialmatch.pendingFrames() !== 0) return false;
    const ids = window.trialmatch.describe().buttons.map((b) => b.id);
    const mirror = [...document.querySelectorAll("#a11y button")].map((b) => b.dataset.id);
    return JSON.stringify(ids) === JSON.stringify(mirror);
  }, null, { timeout: 10000 });
  return settled(frame);
}

// Moves the keyboard focus to the mirror's button `id` with Tab (or Shift+Tab, if it lies
// behind), as a keyboard user does, and presses it with `key` (Enter or Space).
async function pressByKeyboard(page, frame, id, key = "Enter") {
  for (let i = 0; i < 60; i++) {
    await mirrored(frame);
    const { at, to } = await frame.evaluate((target) => {
      const buttons = [...document.querySelectorAll("#a11y button")];
      return { at: buttons.indexOf(document.activeElement), to: buttons.findIndex((b) => b.dataset.id === target) };
    }, id);
    assert.ok(to >= 0, `a button "${id}" in the mirror`);
    if (at === to) {
      await page.keyboard.press(key);
      return mirrored(frame);
    }
    await page.keyboard.press(at > to ? "Shift+Tab" : "Tab");
  }
  throw new Error(`the keyboard never reached "${id}"`);
}

// Where the frame sits: its top above the window (its heading and top row out of view), or
// its bottom below it (its lower buttons out of view).
const PLACES = {
  "its top above the window": (top, height, windowHeight) => top + Math.round(height / 3),
  "its bottom below the window": (top, height, windowHeight) => top - (windowHeight - Math.round(height / 3)),
};

for (const [where, scrollFor] of Object.entries(PLACES)) {
  test(`a keyboard journey in the frame never scrolls the sponsor's page (the frame partly in view, ${where})`, async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    await page.goto(`${host.url}/sponsor.html`);
    // The browser draws a frame of another origin only while it is on screen (on a busy
    // machine, one below the window may not draw its first screen in time): the app measures
    // its first screen, and tells its height, once it has been seen.
    await page.waitForSelector("#box iframe");
    await page.evaluate(() => document.querySelector("#box iframe").scrollIntoView());
    const { frame, handle } = await embeddedApp(page);
    assert.notEqual(new URL(host.url).origin, new URL(app.url).origin, "the host is another origin");
    await page.waitForFunction(() => window.sized);
    await mirrored(frame);
    await watchFocus(frame);

    // The frame partly in view, then the record starts from nothing.
    const frameAt = await page.evaluate(() => {
      const r = document.querySelector("#box iframe").getBoundingClientRect();
      return { top: r.top + window.scrollY, height: r.height, windowHeight: window.innerHeight };
    });
    const placed = scrollFor(frameAt.top, frameAt.height, frameAt.windowHeight);
    await page.evaluate((y) => window.scrollTo(0, y), placed);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.evaluate(() => { window.scrolls = []; });
    assert.equal(await page.evaluate(() => window.scrollY), placed);
    const box = await handle.boundingBox();
    const windowHeight = page.viewportSize().height;
    assert.ok(box.y < 0 || box.y + box.height > windowHeight, `the frame is only partly in view (${box.y}, ${box.height})`);
    assert.ok(box.y + box.height > 0 && box.y < windowHeight, "the frame is partly in view");

    // Keyboard only from here: the first Tab goes from the sponsor's page into the frame.
    let shown = await pressByKeyboard(page, frame, "start");
    assert.equal(shown.question.id, "age");
    const screens = new Set([shown.view]);
    let yes = 0, no = 0, presses = 0;
    while (shown.screen === "question") {
      const answer = SEED_ELIGIBLE[shown.question.id];
      assert.ok(answer !== undefined, `an answer for ${shown.question.id}`);
      const key = presses++ % 2 ? "Space" : "Enter";
      if (typeof answer === "number") {
        for (const digit of String(answer)) await pressByKeyboard(page, frame, `key:${digit}`, key);
        shown = await pressByKeyboard(page, frame, "continue", key);
      } else if (Array.isArray(answer)) {
        for (const option of answer) await pressByKeyboard(page, frame, `option:${option}`, key);
        shown = await pressByKeyboard(page, frame, "continue", key);
      } else {
        if (answer === "yes") yes++;
        if (answer === "no") no++;
        shown = await pressByKeyboard(page, frame, `option:${answer}`, key);
      }
      screens.add(shown.view);
    }
    assert.equal(shown.screen, "review");
    shown = await pressByKeyboard(page, frame, "see_result");
    assert.equal(shown.screen, "result");
    assert.equal(shown.verdict, "likely_eligible");
    screens.add(shown.view);
    assert.ok(yes >= 3 && no >= 3, `answered yes (${yes}) and no (${no}) several times`);

    // The sponsor's page never moved.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.deepEqual(await page.evaluate(() => window.scrolls), [], "the host saw no scroll event");
    assert.equal(await page.evaluate(() => window.scrollY), placed, "the host's scroll position never changed");

    // Nor could it have, in a browser that scrolls the page around a frame to the frame's
    // focused element: the mirror asks for no scroll, and whatever it focused (the heading of
    // each new screen, each key and answer) sat at one and the same place in the frame.
    assert.deepEqual(await frame.evaluate(() => window.__scrollingFocus), [], "every focus() is made with preventScroll");
    const focused = await frame.evaluate(() => window.__focused);
    const headings = focused.filter((f) => f.what === "H1").length;
    assert.ok(headings >= screens.size, `the mirror focused each new screen's heading (${headings} for ${screens.size} screens)`);
    assert.ok(focused.some((f) => f.what === "BUTTON:option:yes") && focused.some((f) => f.what === "BUTTON:option:no"));
    const places = [...new Set(focused.map((f) => f.at))];
    assert.equal(places.length, 1, "every focused heading and button sits at one place in the frame, but: " +
      places.slice(0, 8).map((at) => `${[...new Set(focused.filter((f) => f.at === at).map((f) => f.what))].slice(0, 3).join(" ")} at ${at}`).join("; "));
    await context.close();
  });
}
