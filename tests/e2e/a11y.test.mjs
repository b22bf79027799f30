// The accessibility mirror: someone who cannot see the canvas completes the prescreen
// through the accessibility tree alone (role and name queries), in English and Spanish.
import { test } from "node:test";
import assert from "node:assert/strict";
import zlib from "node:zlib";
import { siteAndBrowser, waitForScreen, settled, press, screenshot, enterNumber, answerAll } from "./support.mjs";
import { SEED_ELIGIBLE as ELIGIBLE } from "./seed_answers.mjs";

const site = siteAndBrowser();

// The colour of a 1x1 PNG screenshot (8-bit RGB or RGBA, no interlace): [r, g, b].
function pngPixel(png) {
  let offset = 8, type = 0, idat = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const kind = png.toString("ascii", offset + 4, offset + 8);
    if (kind === "IHDR") type = png[offset + 8 + 9];
    if (kind === "IDAT") idat.push(png.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  // One pixel in the first row: every PNG filter leaves its bytes as they are.
  assert.ok(type === 2 || type === 6, "RGB or RGBA");
  return [raw[1], raw[2], raw[3]];
}

const WORDS = {
  en: { start: "Start", yes: "Yes", no: "No", cont: "Continue", none: "None of these", two: "2 or more",
        result: "See my result", headline: "You may be a good fit for this study", age: "How old are you?" },
  es: { start: "Empezar", yes: "Sí", no: "No", cont: "Continuar", none: "Ninguna de estas", two: "2 o más",
        result: "Ver mi resultado", headline: "Puede que este estudio sea para usted", age: "¿Cuántos años tiene?" },
};

for (const lang of ["en", "es"]) {
  test(`complete the seed study with role and name queries only (${lang})`, async () => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${site.server.url}/?lang=${lang}`);
    await waitForScreen(page, "welcome");
    const w = WORDS[lang];
    // Activate the way a screen reader does: a click event on the element itself.
    const activate = async (name) => {
      const button = page.getByRole("button", { name, exact: true });
      await button.waitFor({ state: "attached" });
      await button.dispatchEvent("click");
      await settled(page);
    };
    assert.equal(await page.locator("canvas").getAttribute("aria-hidden"), "true");
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
    await activate(w.start);
    await page.getByRole("heading", { name: w.age }).waitFor({ state: "attached" });
    assert.match(await page.getByRole("status").textContent(), new RegExp(w.age.replace(/[?¿]/g, ".")));
    for (const digit of ["3", "8"]) await activate(digit);
    await activate(w.cont);
    const plan = [w.yes /* can come to the visits */, w.yes, w.yes, w.no, w.no, w.yes, w.yes, w.two, w.no, w.no, w.no, w.no, w.no, w.no];
    for (const answer of plan) await activate(answer);  // ... through "sperm could cause pregnancy": no
    const noneButton = page.getByRole("button", { name: w.none, exact: true });
    await noneButton.dispatchEvent("click");
    await settled(page);
    assert.equal(await noneButton.getAttribute("aria-pressed"), "true", "a chosen option says so");
    await activate(w.cont);
    await activate(w.result);
    await page.getByRole("heading", { name: w.headline }).waitFor({ state: "attached" });
    const shown = await settled(page);
    assert.equal(shown.verdict, "likely_eligible");
    await page.close();
  });
}

test("mirror buttons sit exactly over their drawn twins, so a pointer on one reaches the other", async () => {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${site.server.url}/?lang=en`);
  const shown = await waitForScreen(page, "welcome");
  await settled(page);
  const start = shown.buttons.find((b) => b.id === "start");
  const box = await page.getByRole("button", { name: "Start", exact: true }).boundingBox();
  assert.ok(Math.abs(box.x - start.x) < 1 && Math.abs(box.y - start.y) < 1 && Math.abs(box.width - start.w) < 1);
  // A real click at that place lands on the canvas (the mirror lets the pointer through).
  await page.getByRole("button", { name: "Start", exact: true }).click({ force: true });
  assert.equal((await settled(page)).screen, "question");
  await page.close();
});

test("focusing a mirror button draws the focus ring on it", async () => {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${site.server.url}/?lang=es`);
  await waitForScreen(page, "welcome");
  await settled(page);
  await page.getByRole("button", { name: "Empezar", exact: true }).focus();
  const shown = await settled(page);
  assert.equal(shown.focus, "start");
  await page.close();
});

test("the text-size control goes from 100% to 200% and the layout reflows", async () => {
  const page = await site.browser.newPage({ viewport: { width: 390, height: 844 }, hasTouch: true });
  await page.goto(`${site.server.url}/?lang=en`);
  let shown = await waitForScreen(page, "welcome");
  shown = await settled(page);
  const startAt100 = shown.buttons.find((b) => b.id === "start");
  const noteAt100 = shown.texts.find((t) => t.role === "note" && t.h > 0);
  for (const expected of [125, 150, 175, 200]) {
    shown = await press(page, "text_size", { touch: true });
    assert.equal(shown.text_size, expected);
  }
  const startAt200 = shown.buttons.find((b) => b.id === "start");
  const noteAt200 = shown.texts.find((t) => t.text === noteAt100.text);
  // The words double; a button grows to hold them (the room around them does not grow).
  assert.ok(noteAt200.h >= noteAt100.h * 1.9, `text grows (${noteAt100.h} -> ${noteAt200.h})`);
  assert.ok(startAt200.h > startAt100.h, `buttons grow with their words (${startAt100.h} -> ${startAt200.h})`);
  for (const b of shown.buttons) assert.ok(b.x >= 0 && b.x + b.w <= 390 + 0.5, `${b.id} still fits across the screen`);
  const overlap = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  for (const a of shown.buttons)
    for (const b of shown.buttons)
      if (a !== b) assert.ok(!overlap(a, b), `${a.id} and ${b.id} do not overlap`);
  await screenshot(page, "welcome-text-200-en-phone");
  shown = await press(page, "start", { touch: true });
  assert.equal(shown.question.id, "age", "the app still works at 200%");
  shown = await press(page, "text_size", { touch: true });
  assert.equal(shown.text_size, 100, "and it cycles back to 100%");
  await page.close();
});

test("high contrast follows the browser's prefers-contrast setting", async () => {
  const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.emulateMedia({ contrast: "more" });
  await page.goto(`${site.server.url}/?lang=es`);
  await waitForScreen(page, "welcome");
  await settled(page);
  await screenshot(page, "welcome-high-contrast-es-phone");
  // The page is drawn white: sample a corner of the screen where nothing else is drawn.
  const pixel = pngPixel(await page.screenshot({ clip: { x: 2, y: 830, width: 1, height: 1 } }));
  assert.deepEqual(pixel, [255, 255, 255]);
  // Without the setting, the page keeps its soft standard background.
  await page.emulateMedia({ contrast: "no-preference" });
  await page.reload();
  await waitForScreen(page, "welcome");
  await settled(page);
  assert.deepEqual(pngPixel(await page.screenshot({ clip: { x: 2, y: 830, width: 1, height: 1 } })), [0xf4, 0xf7, 0xf6]);
  await page.close();
});

test("from a mirror button, Tab and Enter work as on any web page, and press only once", async () => {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${site.server.url}/?lang=en`);
  await waitForScreen(page, "welcome");
  await settled(page);
  await page.getByRole("button", { name: "Start", exact: true }).focus();
  await page.keyboard.press("Enter");
  let shown = await settled(page);
  assert.equal(shown.question.id, "age");
  await page.getByRole("button", { name: "3", exact: true }).focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");  // to "4"
  await page.keyboard.press("Enter");
  shown = await settled(page);
  assert.equal(shown.question.entry, "34", "each Enter typed one digit; Tab moved to the next key");
  assert.equal(shown.focus, "key:4", "the drawn focus ring follows the DOM focus");
  // A screen reader hears what has been typed, as for a text field: in the mirror, and read
  // out by its status region as it changes.
  await page.waitForFunction(() => document.querySelector(".a11y-live[role=status]").textContent === "Typed so far: 34 years");
  assert.ok((await page.locator("#a11y").innerText()).includes("Typed so far: 34 years"));
  await page.getByRole("button", { name: "Continue", exact: true }).focus();
  await page.keyboard.press("Enter");
  await settled(page);
  await page.getByRole("button", { name: "Yes", exact: true }).focus();
  await page.keyboard.press("Enter");
  shown = await settled(page);
  assert.equal(shown.question.id, "diagnosed_depression", "Enter answered the visits question once, not twice");
  await page.close();
});

test("a typed digit or a scroll changes only what changed in the mirror: the focused key stays the same, in focus", async () => {
  // Short enough that the keypad's screen scrolls.
  const page = await site.browser.newPage({ viewport: { width: 390, height: 480 } });
  await page.goto(`${site.server.url}/?lang=en`);
  await waitForScreen(page, "welcome");
  await settled(page);
  await page.getByRole("button", { name: "Start", exact: true }).focus();
  await page.keyboard.press("Enter");
  assert.equal((await settled(page)).question.id, "age");
  await page.getByRole("button", { name: "3", exact: true }).focus();
  await settled(page);
  // From here on: every button the mirror adds or removes, and the element that has focus.
  await page.evaluate(() => {
    window.mirrorChanges = { buttonsAdded: 0, buttonsRemoved: 0 };
    const count = (nodes, key) => nodes.forEach((n) => { if (n.nodeName === "BUTTON") window.mirrorChanges[key]++; });
    new MutationObserver((records) => records.forEach((r) => {
      count(r.addedNodes, "buttonsAdded");
      count(r.removedNodes, "buttonsRemoved");
    })).observe(document.getElementById("a11y"), { childList: true, subtree: true });
    window.keyThree = document.activeElement;
  });
  const topBefore = await page.evaluate(() => window.keyThree.style.top);
  await page.keyboard.press("Enter");  // types 3
  assert.equal((await settled(page)).question.entry, "3");
  await page.mouse.move(195, 240);
  await page.mouse.wheel(0, 300);
  const shown = await settled(page);
  assert.ok(shown.scroll.y > 0, "the screen scrolled");
  const after = await page.evaluate(() => ({
    same: document.activeElement === window.keyThree,
    top: window.keyThree.style.top,
    changes: window.mirrorChanges,
    typed: document.getElementById("a11y").innerText.includes("Typed so far: 3 years"),
  }));
  assert.notEqual(after.top, topBefore, "the key moved up with the scroll");
  assert.ok(after.same, "the focused key is the same element, still in focus");
  assert.deepEqual(after.changes, { buttonsAdded: 0, buttonsRemoved: 0 }, "no button was made again");
  assert.ok(after.typed, "the typed digit is in the mirror");
  await page.close();
});

test("a button the mirror moves in the order (the help link going to the pinned bar) keeps the focus", async () => {
  // The welcome screen's actions fit at 100% and are pinned, with "Need help now?", once the
  // text grows: the buttons' order changes under the text-size button a screen reader pressed.
  const page = await site.browser.newPage({ viewport: { width: 390, height: 800 } });
  await page.goto(`${site.server.url}/?lang=en`);
  await waitForScreen(page, "welcome");
  const orders = new Set();
  let shown = await settled(page);
  orders.add(shown.buttons.map((b) => b.id).join(","));
  await page.locator('#a11y button[data-id="text_size"]').focus();
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press("Enter");
    shown = await settled(page);
    orders.add(shown.buttons.map((b) => b.id).join(","));
    assert.equal(await page.evaluate(() => document.activeElement.dataset.id), "text_size", `focus kept at ${shown.text_size}%`);
  }
  assert.equal(shown.text_size, 200);
  assert.ok(orders.size > 1, "the buttons' order changed on the way (else this test shows nothing)");
  await page.close();
});

test("quick presses all count, in order; a press aimed at a screen that has moved on does nothing", async () => {
  const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${site.server.url}/?lang=en`);
  await waitForScreen(page, "welcome");
  let shown = await press(page, "start");
  // Three presses in one go, faster than a frame, as a quick screen-reader user makes them.
  await page.evaluate((view) => {
    for (const id of ["key:3", "key:4", "continue"]) Module.ccall("trialmatch_press", null, ["string", "number"], [id, view]);
  }, shown.view);
  shown = await settled(page);
  assert.equal(shown.question.id, "can_attend_visits", "all three presses were carried out");
  assert.equal(shown.answers.age, "34 years");
  const visitsView = shown.view;
  shown = await press(page, "option:yes");
  assert.equal(shown.question.id, "diagnosed_depression");
  // A second press of "Yes" from the screen before (a double click, a stale mirror button).
  await page.evaluate((view) => Module.ccall("trialmatch_press", null, ["string", "number"], ["option:yes", view]),
                      visitsView);
  shown = await settled(page);
  assert.equal(shown.question.id, "diagnosed_depression", "the stale press did not answer this question");
  assert.equal(shown.question.answer, null);
  await page.close();
});

test("a held number key answers one question, not the ones after it", async () => {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${site.server.url}/?lang=en`);
  await waitForScreen(page, "welcome");
  await press(page, "start");
  let shown = await enterNumber(page, 34);
  assert.equal(shown.question.id, "can_attend_visits");
  await page.keyboard.down("1");  // "Yes", the first option
  await page.keyboard.down("1");  // the key repeats while held
  await page.keyboard.down("1");
  await page.keyboard.up("1");
  shown = await settled(page);
  assert.equal(shown.answers.can_attend_visits, "Yes");
  assert.equal(shown.question.id, "diagnosed_depression");
  assert.equal(shown.question.answer, null, "the repeats did not answer the next question");
  await page.close();
});

test("a key pressed right after a tap, before the next screen is drawn, does not skip the support screen", async () => {
  const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${site.server.url}/?lang=en`);
  await waitForScreen(page, "welcome");
  await press(page, "start");
  await answerAll(page, { ...ELIGIBLE, self_harm_thoughts: undefined });
  const shown = await settled(page);
  assert.equal(shown.question.id, "self_harm_thoughts");
  const yes = shown.buttons.find((b) => b.id === "option:yes");
  // The click and an Escape in one go, as a busy page delivers events queued together.
  await page.evaluate(({ x, y }) => {
    const canvas = document.getElementById("canvas");
    const at = { clientX: x, clientY: y, button: 0, bubbles: true };
    canvas.dispatchEvent(new MouseEvent("mousemove", at));
    canvas.dispatchEvent(new MouseEvent("mousedown", at));
    canvas.dispatchEvent(new MouseEvent("mouseup", at));
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", code: "Escape", keyCode: 27, bubbles: true }));
    window.dispatchEvent(new KeyboardEvent("keyup", { key: "Escape", code: "Escape", keyCode: 27, bubbles: true }));
  }, { x: yes.x + yes.w / 2, y: yes.y + yes.h / 2 });
  const after = await settled(page);
  assert.equal(after.answers.self_harm_thoughts, "Yes", "the tap answered");
  assert.equal(after.screen, "support", "the support screen is shown, not skipped by the Escape");
  await page.close();
});
