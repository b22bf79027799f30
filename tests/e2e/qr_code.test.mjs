// "Show a QR code", as a person uses it on a phone and at a clinic kiosk, in English and
// Spanish: the code is drawn only after the tap; an independent decoder (zbarimg, from
// Debian's zbar-tools) reads it from a screenshot of the page; what it reads is the result
// code of docs/result-code.md for exactly this person (study, file version and hash,
// verdict, the answers they gave); `trialmatch decode` turns it back into the same verdict
// and answers; and it is gone when the person goes back.
import { test } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { execFileSync, spawnSync } from "node:child_process";
import { siteAndBrowser, waitForScreen, press, answerAll, screenshot, settled, SITE_DIR } from "./support.mjs";
import { SEED_ELIGIBLE } from "./seed_answers.mjs";

const site = siteAndBrowser();
const SEED_FILE = path.join(SITE_DIR, "trials/NCT04979910.json");
const SEED_HASH8 = crypto.createHash("sha256").update(fs.readFileSync(SEED_FILE)).digest("hex").slice(0, 8).toUpperCase();
// The trialmatch CLI built with the site (WebAssembly, run under Node).
const CLI = path.resolve(SITE_DIR, "../app/web_targets/trialmatch_node.js");

const DEVICES = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true, isMobile: true },
  kiosk: { viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1, hasTouch: true },
};
const WORDS = {
  en: { button: "Show a QR code", heading: "Your answers as a QR code", label: "A QR code with your answers and your result." },
  es: { button: "Mostrar un código QR", heading: "Sus respuestas en un código QR",
        label: "Un código QR con sus respuestas y su resultado." },
};

// What zbarimg reads in a PNG: the codes' texts, or [] when it finds none.
function readCodes(file) {
  const r = spawnSync("zbarimg", ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", file], { encoding: "utf8" });
  if (r.status === 4) return [];  // zbarimg: no code found
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.split("\n").filter(Boolean);
}

const CASES = [
  { device: "phone", lang: "en", answers: SEED_ELIGIBLE, verdict: "L" },
  { device: "kiosk", lang: "es", answers: SEED_ELIGIBLE, verdict: "L" },
  { device: "phone", lang: "es", answers: { ...SEED_ELIGIBLE, treatments_tried: "none_or_one", mri_concerns: ["pacemaker", "metal_in_body"] },
    verdict: "N" },
  { device: "kiosk", lang: "en", answers: { ...SEED_ELIGIBLE, age: 52, dose_stable: "not_sure" }, verdict: "R" },
];

for (const c of CASES) {
  test(`a QR code of a result (${c.device}, ${c.lang}, ${c.verdict}) reads back, with another decoder, as exactly this person's answers`, async () => {
    const w = WORDS[c.lang];
    const context = await site.browser.newContext(DEVICES[c.device]);
    const page = await context.newPage();
    await page.goto(`${site.server.url}/?lang=${c.lang}${c.device === "kiosk" ? "&mode=kiosk" : ""}`);
    await waitForScreen(page, "welcome");
    await press(page, "start", { touch: true });
    await answerAll(page, c.answers, { touch: true });
    const review = await settled(page);
    const result = await press(page, "see_result", { touch: true });
    assert.equal(result.screen, "result");
    assert.equal(result.verdict, { L: "likely_eligible", R: "needs_review", N: "not_eligible" }[c.verdict]);
    const button = result.buttons.find((b) => b.id === "show_code");
    assert.equal(button?.label, w.button);
    const name = `qr-${c.device}-${c.lang}-${c.verdict}`;
    assert.deepEqual(readCodes(await screenshot(page, `${name}-before`)), [], "no code before the tap");

    const shown = await press(page, "show_code", { touch: true });
    assert.equal(shown.screen, "result_code");
    assert.equal(shown.heading, w.heading);
    assert.ok(shown.texts.some((t) => t.text === w.label), "a screen reader hears what the picture is");
    const codes = readCodes(await screenshot(page, name));
    assert.equal(codes.length, 1, "one code on the screen");
    const code = codes[0];
    assert.match(code, new RegExp(`^TM1 NCT04979910 2026-11-29 ${SEED_HASH8} ${c.verdict}( \\d+:[0-9A-Z+.:-]+)+$`));

    // The study team's side reads back the verdict and every answer the person gave, in order.
    const decoded = JSON.parse(execFileSync(process.execPath, [CLI, "decode", SEED_FILE, code, "--json", "--lang", c.lang],
                                            { encoding: "utf8" }));
    assert.equal(decoded.verdict, result.verdict);
    assert.deepEqual(decoded.answers.map((a) => a.question).sort(), Object.keys(review.answers).sort(),
                     "the questions this person answered");
    for (const a of decoded.answers) {
      const given = c.answers[a.question];
      assert.deepEqual(Array.isArray(a.answer) ? [...a.answer].sort() : a.answer,
                       Array.isArray(given) ? [...given].sort() : given, a.question);
    }

    // Back: the code is gone from the screen.
    const back = await press(page, "code_back", { touch: true });
    assert.equal(back.screen, "result");
    assert.deepEqual(readCodes(await screenshot(page, `${name}-after`)), [], "no code after going back");
    await context.close();
  });
}
