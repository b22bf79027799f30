// "Print or save as PDF", as a person uses it on a phone in English and Spanish: the tap
// lays out a summary made on the device and opens the print dialog; the printed pages (a
// PDF on Letter and on A4, read back with poppler's pdftotext and looked at as images) hold
// real text: the verdict, the reasons, the answers, how to reach the study, and the study
// file's version and SHA-256, with no picture of the app's canvas; the summary leaves the
// page once printing is done; a kiosk offers no printing.
import { test } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { siteAndBrowser, waitForScreen, press, answerAll, words, ARTIFACTS_DIR, SITE_DIR } from "./support.mjs";
import { SEED_ELIGIBLE } from "./seed_answers.mjs";

const site = siteAndBrowser();
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true };
const SEED_SHA256 = crypto.createHash("sha256").update(fs.readFileSync(path.join(SITE_DIR, "trials/NCT04979910.json"))).digest("hex");

const WORDS = {
  en: { print: "Print or save as PDF", answers: "Your answers", age: "34 years", crisis: "Help is here, day and night",
        file: "Study file: version 2026-11-29" },
  es: { print: "Imprimir o guardar como PDF", answers: "Sus respuestas", age: "34 años", crisis: "Hay ayuda, de día y de noche",
        file: "Archivo del estudio: versión 2026-11-29" },
};

async function resultFor(lang, answers, mode = "") {
  const context = await site.browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(`${site.server.url}/?lang=${lang}${mode}`);
  await waitForScreen(page, "welcome");
  // The dialog itself is the browser's: count the calls, and keep the summary in place.
  await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await press(page, "start", { touch: true });
  await answerAll(page, answers, { touch: true });
  const shown = await press(page, "see_result", { touch: true });
  assert.equal(shown.screen, "result");
  return { context, page, shown };
}

// The PDF's text (layout kept) and its embedded pictures, and one PNG per page to look at.
function readPdf(pdf, name) {
  const file = path.join(ARTIFACTS_DIR, `${name}.pdf`);
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  fs.writeFileSync(file, pdf);
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  const images = execFileSync("pdfimages", ["-list", file], { encoding: "utf8" }).trim().split("\n").slice(2);
  execFileSync("pdftoppm", ["-png", "-r", "60", file, path.join(ARTIFACTS_DIR, name)]);
  return { text: text.replace(/\s+/g, " "), images };
}

for (const lang of ["en", "es"]) {
  for (const c of [
    { name: "likely", answers: SEED_ELIGIBLE, crisis: false },
    { name: "crisis-not-eligible", answers: { ...SEED_ELIGIBLE, recent_suicide_attempt: "yes", on_antidepressant: "no" }, crisis: true },
  ]) {
    test(`printing a ${c.name} result (${lang}): real text on Letter and A4, then gone from the page`, async () => {
      const w = WORDS[lang];
      const { context, page, shown } = await resultFor(lang, c.answers);
      const button = shown.buttons.find((b) => b.id === "print");
      assert.ok(button, "the result offers printing");
      assert.equal(button.label, w.print);
      assert.equal(await page.evaluate(() => document.getElementById("print-summary")), null, "nothing laid out before the tap");
      const headline = shown.texts.find((t) => t.role === "title").text;
      let printed = 0;
      for (const format of ["Letter", "A4"]) {
        await press(page, "print", { touch: true });
        printed += 1;
        await page.waitForFunction((n) => window.__printed === n, printed);
        // On screen the summary is not shown; printing shows only it.
        assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById("print-summary")).display), "none");
        assert.equal(await page.evaluate(() => document.getElementById("print-summary").lang), lang);
        const laidOut = await page.evaluate(() => document.getElementById("print-summary").textContent);
        // Every reason the screen gives (the screen's next step that says to tap a button is
        // left off paper).
        const reasons = words(shown).filter((t) => t.startsWith("\u2022 ") && !/\btap\b|\btoque\b/.test(t));
        assert.ok(reasons.length > 0);
        for (const t of reasons) assert.ok(laidOut.includes(t.slice(2)), `the reason "${t}"`);
        const { text, images } = readPdf(await page.pdf({ format }), `print-${c.name}-${lang}-${format}`);
        assert.deepEqual(images, [], "text, not a picture of the canvas");
        for (const piece of [headline, w.answers, w.age, w.file, SEED_SHA256, "https://clinicaltrials.gov/study/NCT04979910"])
          assert.ok(text.includes(piece), `${format}: the printed page says "${piece}"`);
        assert.equal(text.includes(w.crisis), c.crisis, "crisis help is printed after a disclosure, and only then");
        assert.ok(!/\btap\b|\btoque\b/i.test(text), "a printed page asks nobody to tap");
        // Printing done (the browser's afterprint): the summary leaves the page.
        await page.waitForFunction(() => !document.getElementById("print-summary"));
      }
      await context.close();
    });
  }
}

test("a kiosk offers no printing (its print dialog could leave the answers on a shared machine)", async () => {
  const { context, page, shown } = await resultFor("en", SEED_ELIGIBLE, "&mode=kiosk");
  assert.ok(!shown.buttons.some((b) => b.id === "print"));
  assert.equal(await page.evaluate(() => window.__printed), 0);
  await context.close();
});
