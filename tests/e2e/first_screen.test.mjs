// The page loads the seed study by default and shows its title and first question, in
// English and Spanish; a broken or missing study file shows an error screen that names it.
import { test } from "node:test";
import fs from "node:fs";
import assert from "node:assert/strict";
import { siteAndBrowser, waitForScreen, screenshot, press, settled } from "./support.mjs";

const site = siteAndBrowser({
    "/trials/broken.json": '{"format": "trialmatch/1", "languages": ["en"], "trial": {}, "questions": [], "extra": 1}',
    "/trials/sleep.json": fs.readFileSync("tests/data/trials/docs-example.json"),
    "/trials/month.json": JSON.stringify({
      format: "trialmatch/1", languages: ["en", "es"],
      trial: { id: "T1", title: { en: "Month test", es: "Prueba de mes" }, summary: { en: "A test.", es: "Una prueba." },
               sponsor: "Test", contact: { url: "https://example.org" },
               full_criteria_note: { en: "The team checks the rest.", es: "El equipo revisa el resto." } },
      questions: [{ id: "started", type: "month_year", min: "2020-01", max: "2030-12",
                    text: { en: "When did this start?", es: "¿Cuándo empezó esto?" } }],
      criteria: [{ id: "recent", type: "inclusion", rule: "started >= \"2024-03\"", source: "test",
                   text: { en: "Started in March 2024 or later.", es: "Empezó en marzo de 2024 o después." } }],
    }),
});

const SIZES = { phone: { width: 390, height: 844 }, kiosk: { width: 1920, height: 1080 } };

test("the smallest phone (360x640 at pixel ratio 2) shows the welcome screen without overlap", async () => {
  const page = await site.browser.newPage({ viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, hasTouch: true });
  await page.goto(`${site.server.url}/?lang=es`);
  const shown = await waitForScreen(page, "welcome");
  const help = shown.buttons.find((b) => b.id === "help"), lang = shown.buttons.find((b) => b.id === "lang");
  assert.ok(help.x + help.w <= lang.x, "'Need help now?' and the language switch do not overlap");
  for (const b of shown.buttons) assert.ok(b.x >= 0 && b.x + b.w <= 360, `${b.id} fits across the screen`);
  for (const b of shown.buttons) assert.ok(b.h >= 44, `${b.id} is at least 44 px tall`);
  await screenshot(page, "welcome-es-small-phone");
  await page.close();
});

for (const lang of ["en", "es"]) {
  for (const [device, viewport] of Object.entries(SIZES)) {
    test(`seed study title and first question (${lang}, ${device})`, async () => {
      const page = await site.browser.newPage({ viewport, deviceScaleFactor: device === "phone" ? 3 : 1, hasTouch: device === "phone" });
      const errors = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.goto(`${site.server.url}/?lang=${lang}`);
      await waitForScreen(page, "welcome");
      const shown = await press(page, "start", { touch: device === "phone" });
      assert.equal(shown.lang, lang);
      assert.equal(shown.title, lang === "en" ? "Ixekizumab for Treatment-Resistant Depression"
                                              : "Ixekizumab para la depresión resistente al tratamiento");
      assert.equal(shown.question.id, "age");
      assert.equal(shown.question.text, lang === "en" ? "How old are you?" : "¿Cuántos años tiene?");
      await screenshot(page, `first-question-${lang}-${device}`);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
}

test("the browser language picks Spanish when there is no ?lang=", async () => {
  const context = await site.browser.newContext({ locale: "es-MX" });
  const page = await context.newPage();
  await page.goto(site.server.url + "/");
  const shown = await waitForScreen(page, "welcome");
  assert.equal(shown.lang, "es");
  await context.close();
});

test("a broken trial file shows the error screen naming the file and the problem", async () => {
  const page = await site.browser.newPage({ viewport: SIZES.phone });
  await page.goto(`${site.server.url}/?trial=trials/broken.json&lang=en`);
  const shown = await waitForScreen(page, "error");
  assert.equal(shown.file, "trials/broken.json");
  assert.ok(shown.errors.some((e) => e.includes("/extra") && e.includes("unknown field")), JSON.stringify(shown.errors));
  assert.ok(shown.errors.some((e) => e.includes("/criteria") || e.includes("\"criteria\"")), JSON.stringify(shown.errors));
  await screenshot(page, "error-broken-trial-en-phone");
  await page.close();
});

test("?trial= opens another study from the same site", async () => {
  const page = await site.browser.newPage({ viewport: SIZES.kiosk });
  await page.goto(`${site.server.url}/?trial=trials/sleep.json&lang=es`);
  const shown = await waitForScreen(page, "welcome");
  assert.equal(shown.title, "Un estudio del sueño");
  assert.ok(!shown.buttons.some((b) => b.id === "help"), "no crisis link outside mental-health studies");
  await page.close();
});

test("a month-and-year question is answered with a year stepper and month buttons", async () => {
  const page = await site.browser.newPage({ viewport: SIZES.phone, deviceScaleFactor: 2, hasTouch: true });
  await page.goto(`${site.server.url}/?trial=trials/month.json&lang=en`);
  await waitForScreen(page, "welcome");
  let shown = await press(page, "start", { touch: true });
  assert.equal(shown.question.type, "month_year");
  // Go to 2024, then choose February: before March 2024, so not a match.
  for (let i = 0; i < 12; i++) shown = await press(page, "year:previous", { touch: true });  // clamps at 2020
  for (let i = 0; i < 4; i++) shown = await press(page, "year:next", { touch: true });      // 2024
  await screenshot(page, "question-month-year-en-phone");
  shown = await press(page, "month:2", { touch: true });
  assert.equal(shown.screen, "review");
  assert.deepEqual(shown.answers, { started: "February 2024" });
  shown = await press(page, "see_result", { touch: true });
  assert.equal(shown.verdict, "not_eligible");
  shown = await press(page, "back", { touch: true });
  shown = await press(page, "change:started", { touch: true });
  shown = await press(page, "month:3", { touch: true });
  assert.deepEqual(shown.answers, { started: "March 2024" });
  await page.close();
});

test("a missing trial file shows the error screen", async () => {
  const page = await site.browser.newPage({ viewport: SIZES.phone });
  await page.goto(`${site.server.url}/?trial=trials/nope.json`);
  const shown = await waitForScreen(page, "error");
  assert.equal(shown.file, "trials/nope.json");
  assert.match(shown.errors[0], /404/);
  await page.close();
});

test("a trial file from another website is refused", async () => {
  const page = await site.browser.newPage({ viewport: SIZES.phone });
  await page.goto(`${site.server.url}/?trial=https://example.org/t.json`);
  const shown = await waitForScreen(page, "error");
  assert.match(shown.errors[0], /does not open a study file from this website/);
  await page.close();
});

test("the page stops drawing once it settles", async () => {
  const page = await site.browser.newPage({ viewport: SIZES.phone });
  await page.goto(site.server.url + "/");
  await waitForScreen(page, "welcome");
  await settled(page);
  // No animation-frame callbacks at all for a while: the frame loop itself is paused. "A
  // while" is both 1.5 s by the clock (a page waking itself up every second or so
  // shows here) and 30 frames the browser drew for this test's own callbacks (its chances to
  // run a frame loop, however slow the machine). The first two frames are the fence for a
  // frame the loop had already asked for when it drew its last.
  const watched = await page.evaluate(async () => {
    const original = window.requestAnimationFrame;
    const frame = () => new Promise((r) => original.call(window, r));
    await frame();
    await frame();
    let count = 0;
    window.requestAnimationFrame = (cb) => { count++; return original.call(window, cb); };
    const pendingBefore = window.trialmatch.pendingFrames();
    const start = performance.now();
    for (let frames = 0; frames < 30 || performance.now() - start < 1500; frames++) await frame();
    window.requestAnimationFrame = original;
    return { count, pendingBefore, pendingAfter: window.trialmatch.pendingFrames() };
  });
  assert.deepEqual([watched.pendingBefore, watched.pendingAfter], [0, 0], "nothing left to draw");
  assert.equal(watched.count, 0, "an idle page asks for no frames");
  // And it wakes again on input.
  const shown = await press(page, "start");
  assert.equal(shown.screen, "question");
  await page.close();
});

test("the app asks the GPU for no state while drawing and turns on no WebGL extension", async () => {
  const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.addInitScript(() => {
    window.__gl = { getParameter: 0, getExtension: 0, getContext: [] };
    const proto = WebGL2RenderingContext.prototype;
    for (const name of ["getParameter", "getExtension"]) {
      const original = proto[name];
      proto[name] = function (...args) { window.__gl[name]++; return original.apply(this, args); };
    }
  });
  await page.goto(`${site.server.url}/?lang=en`);
  await waitForScreen(page, "welcome");
  const atWelcome = await page.evaluate(() => ({ ...window.__gl }));
  // Drawing more frames (a language switch redraws everything) asks for nothing more.
  await press(page, "lang");
  await press(page, "lang");
  const after = await page.evaluate(() => ({ ...window.__gl }));
  assert.equal(atWelcome.getExtension, 0, "no extension turned on");
  assert.equal(after.getParameter, atWelcome.getParameter, "no GPU state asked for while drawing");
  assert.ok(atWelcome.getParameter <= 10, `a few questions about the GPU at start only (${atWelcome.getParameter})`);
  await page.close();
});
