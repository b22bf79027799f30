// "Continue later", as a person uses it on a phone in English and Spanish: the review or
// result screen saves a small file of the answers (a download made on the device, no
// request leaves the page); on another device (a fresh browser context) the welcome screen
// opens it again, with every answer and the same result; a file that is not one is refused
// in plain words; a kiosk offers neither.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { siteAndBrowser, waitForScreen, press, answerAll, settled, screenshot, ARTIFACTS_DIR } from "./support.mjs";
import { SEED_ELIGIBLE } from "./seed_answers.mjs";

const site = siteAndBrowser();
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true };
const WORDS = {
  en: { save: "Save my answers in a file", open: "Open my saved answers",
        back: "We brought back your saved answers. Please check that they are still true.",
        unreadable: "We could not read that file. Please choose a file of answers saved from this page." },
  es: { save: "Guardar mis respuestas en un archivo", open: "Abrir mis respuestas guardadas",
        back: "Recuperamos sus respuestas guardadas. Por favor, revise que sigan siendo ciertas.",
        unreadable: "No pudimos leer ese archivo. Por favor, elija un archivo de respuestas guardado desde esta página." },
};

async function freshPage(lang, mode = "") {
  const context = await site.browser.newContext(PHONE);
  const page = await context.newPage();
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(`${site.server.url}/?lang=${lang}${mode}`);
  await waitForScreen(page, "welcome");
  return { context, page, requests };
}

// Taps "Open my saved answers" and picks `file` in the browser's file chooser.
async function openSaved(page, file) {
  const chooser = page.waitForEvent("filechooser");
  await press(page, "open_saved", { touch: true });
  await (await chooser).setFiles(file);
  await page.waitForFunction(() => window.trialmatch.describe().screen !== "welcome" ||
                                   window.trialmatch.describe().texts.some((t) => t.role === "problem"));
  return settled(page);
}

for (const [lang, from] of [["en", "review"], ["es", "result"]]) {
  test(`answers saved from the ${from} screen (${lang}) open again on another device, with the same result`, async () => {
    const w = WORDS[lang];
    const first = await freshPage(lang);
    assert.equal((await settled(first.page)).buttons.find((b) => b.id === "open_saved")?.label, w.open);
    await press(first.page, "start", { touch: true });
    const review = await answerAll(first.page, SEED_ELIGIBLE, { touch: true });
    assert.equal(review.screen, "review");
    let screen = review;
    if (from === "result") screen = await press(first.page, "see_result", { touch: true });
    assert.equal(screen.buttons.find((b) => b.id === "save_answers")?.label, w.save);
    const before = first.requests.length;
    const download = first.page.waitForEvent("download");
    await press(first.page, "save_answers", { touch: true });
    const saved = await download;
    assert.equal(saved.suggestedFilename(), "study-answers-NCT04979910.json");
    const file = path.join(ARTIFACTS_DIR, `saved-answers-${lang}.json`);
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await saved.saveAs(file);
    assert.deepEqual(first.requests.slice(before).filter((u) => !u.startsWith("blob:")), [], "saving sends nothing");
    const doc = JSON.parse(fs.readFileSync(file, "utf8"));
    assert.equal(doc.studies[0].version, "2026-11-29");
    assert.deepEqual(Object.fromEntries(doc.answers.map((a) => [a.question, a.answer])),
                     Object.fromEntries(Object.keys(review.answers).map((id) => [id, SEED_ELIGIBLE[id]])));
    await first.context.close();

    // Another device.
    const second = await freshPage(lang);
    const loaded = second.requests.length;
    const opened = await openSaved(second.page, file);
    assert.equal(opened.screen, "review");
    assert.ok(opened.texts.some((t) => t.text === w.back), "says the answers are back");
    assert.deepEqual(opened.answers, review.answers);
    await screenshot(second.page, `continue-later-opened-${lang}`);
    const result = await press(second.page, "see_result", { touch: true });
    assert.equal(result.verdict, "likely_eligible");
    assert.deepEqual(second.requests.slice(loaded), [], "opening the file, and what follows, sends nothing");
    await second.context.close();
  });
}

test("a file that is not a saved-answers file is refused on the welcome screen, in plain words", async () => {
  for (const lang of ["en", "es"]) {
    const { context, page } = await freshPage(lang);
    const file = path.join(ARTIFACTS_DIR, "not-saved-answers.json");
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    fs.writeFileSync(file, '{"age": 34}');
    const shown = await openSaved(page, file);
    assert.equal(shown.screen, "welcome");
    assert.ok(shown.texts.some((t) => t.role === "problem" && t.text === WORDS[lang].unreadable));
    assert.deepEqual(shown.answers, {});
    await screenshot(page, `continue-later-refused-${lang}`);
    await context.close();
  }
});

test("a kiosk neither saves nor opens a file of answers (nor prints, nor saves FHIR)", async () => {
  const { context, page } = await freshPage("en", "&mode=kiosk");
  assert.ok(!(await settled(page)).buttons.some((b) => b.id === "open_saved"));
  await press(page, "start", { touch: true });
  const review = await answerAll(page, SEED_ELIGIBLE, { touch: true });
  assert.ok(!review.buttons.some((b) => b.id === "save_answers"));
  const result = await press(page, "see_result", { touch: true });
  for (const id of ["save_answers", "save_fhir", "print"])
    assert.ok(!result.buttons.some((b) => b.id === id), `no ${id} at a kiosk`);
  assert.ok(result.buttons.some((b) => b.id === "show_code"), "the QR code is the kiosk's way to take the result home");
  await context.close();
});
