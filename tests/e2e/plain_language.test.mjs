// Plain language: every screen's text (the app's own sentences, the seed study's, and the
// depression catalog's) reads at about an 8th-grade level or below, in English and Spanish. On failure, the hardest
// sentences are listed.
import fs from "node:fs";
import { test } from "node:test";
import assert from "node:assert/strict";
import { siteAndBrowser, waitForScreen, settled, press, enterNumber, answerAll, words } from "./support.mjs";
import { SEED_ELIGIBLE } from "./seed_answers.mjs";
import { gradeFor } from "./readability.mjs";

const site = siteAndBrowser();
const LIMIT = 8.5;  // "about 8th grade"

// Collects the words a person reads on each screen (texts and button labels, and every
// "Why we ask" opened), walking the seed study to each kind of result and the support screen.
// A page, and `grab(name)`, which records the words a person reads on the screen now (with
// "Why we ask" opened), leaving out names (`isName`: the study's title is its name, not a
// sentence to simplify).
async function screenCollector(isName = () => false) {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const screens = [];
  const grab = async (name) => {
    let shown = await settled(page);
    if (shown.buttons.some((b) => b.id === "why")) shown = await press(page, "why");
    const texts = [...words(shown), ...shown.buttons.map((b) => b.label)].filter((t) => t !== shown.title && !isName(t));
    screens.push({ name: `${name} (${shown.heading})`, texts });
  };
  return { context, page, screens, grab };
}

async function collectScreens(lang) {
  const { context, page, screens, grab } = await screenCollector();
  await page.goto(`${site.server.url}/?lang=${lang}`);
  await waitForScreen(page, "welcome");
  await grab("welcome");
  await press(page, "start");
  await grab("question");
  await enterNumber(page, 30);
  // Every question of the seed study comes up on this path (both pregnancy branches).
  const answers = {
    ...SEED_ELIGIBLE, self_harm_thoughts: "yes", recent_suicide_attempt: "yes", dose_stable: "no",
    treatments_tried: "none_or_one", psychosis_or_bipolar: "not_sure", can_become_pregnant: "not_sure",
    penis_in_vagina_sex: "yes", partner_birth_control: "not_sure", mri_concerns: ["metal_in_body"],
  };
  let shown = await settled(page);
  while (shown.screen === "question" || shown.screen === "support") {
    await grab(shown.screen);
    if (shown.screen === "support") {
      shown = await press(page, "support_continue");
      continue;
    }
    const a = answers[shown.question.id];
    if (Array.isArray(a)) {
      for (const o of a) await press(page, `option:${o}`);
      shown = await press(page, "continue");
    } else {
      shown = await press(page, `option:${a}`);
    }
  }
  await grab("review");
  await press(page, "see_result");
  await grab("result, needs review");
  await press(page, "start_over");
  await press(page, "start");
  await answerAll(page, { ...SEED_ELIGIBLE, age: 40, can_become_pregnant: "no" });
  await press(page, "see_result");
  await grab("result, likely eligible");
  await press(page, "start_over");
  await press(page, "start");
  await enterNumber(page, 75);
  await press(page, "see_result");
  await grab("result, not eligible");
  await context.close();
  return screens;
}

// The same for a catalog (?catalog=catalogs/depression.json): its welcome screen, every
// question a person several studies fit is asked (shared and study-only, "Why we ask"
// opened), the review, the ranked results, one study's result, and the results when no
// study fits.
async function collectCatalogScreens(lang) {
  // The studies' names, as the catalog gives them, are names too.
  const catalog = JSON.parse(fs.readFileSync(new URL("../../assets/catalogs/depression.json", import.meta.url), "utf8"));
  const names = catalog.studies.map((s) => s.title[lang]);
  const isName = (t) => names.some((n) => t === n || t === `• ${n}` || t.startsWith(`${n}  `) || t.endsWith(`: ${n}`));
  const { context, page, screens, grab } = await screenCollector(isName);
  await page.goto(`${site.server.url}/?catalog=catalogs/depression.json&lang=${lang}`);
  await waitForScreen(page, "welcome");
  await grab("catalog welcome");
  await press(page, "start");
  await grab("catalog ZIP code before the questions");
  await press(page, "skip_zip");
  await grab("catalog question");
  let shown = await enterNumber(page, 40);
  const no = /self_harm|suicide|pregnan|breast|penis|psychosis|substance|memory/;
  while (shown.screen === "question") {
    await grab("catalog question");
    const ids = shown.buttons.map((b) => b.id);
    if (shown.question.type === "multiple") { await press(page, "option:none"); shown = await press(page, "continue"); }
    else if (ids.includes("option:yes")) shown = await press(page, no.test(shown.question.id) ? "option:no" : "option:yes");
    else shown = await press(page, ids.find((b) => b.startsWith("option:")));
  }
  await grab("catalog review");
  await press(page, "see_result");
  await grab("catalog results");
  await press(page, "studies_near_me");
  await enterNumber(page, 1000);  // four digits: the problem message too
  await grab("catalog ZIP code");
  await press(page, "key:1");
  await press(page, "continue");
  await waitForScreen(page, "results");
  await grab("catalog results near a ZIP code");
  shown = await settled(page);
  await press(page, shown.buttons.find((b) => b.id.startsWith("study:")).id);
  await grab("catalog, one study's result");
  await press(page, "start_over");
  await press(page, "start");
  await press(page, "skip_zip");
  await enterNumber(page, 17);
  await press(page, "see_result");
  await grab("catalog results, no study fits");
  await context.close();
  return screens;
}

for (const lang of ["en", "es"]) {
  test(`every screen reads at about 8th grade or below (${lang})`, async () => {
    const grade = gradeFor(lang);
    const screens = [...await collectScreens(lang), ...await collectCatalogScreens(lang)];
    assert.ok(screens.length >= 40, `walked ${screens.length} screens`);
    const problems = [];
    const proses = screens.map((s) => s.texts.filter((t) => /\s/.test(t)));  // sentences, not single-word labels
    // One run of the formula for the language: each screen's text, then each of its sentences.
    const whole = proses.map((prose) => prose.map((t) => (/[.!?]$/.test(t) ? t : t + ".")).join(" "));
    const levels = grade([...whole, ...proses.flat()]);
    let next = whole.length;
    screens.forEach((s, i) => {
      const level = levels[i];
      const own = levels.slice(next, (next += proses[i].length));
      if (level > LIMIT) {
        const worst = proses[i].map((t, k) => ({ t, g: own[k] })).sort((a, b) => b.g - a.g).slice(0, 3);
        problems.push(`${s.name}: grade ${level.toFixed(1)}; hardest: ` +
                      worst.map((w) => `[${w.g.toFixed(1)}] ${w.t}`).join(" | "));
      }
    });
    assert.deepEqual(problems, [], "\n" + problems.join("\n"));
  });
}
