// Checked by someone else's software: the FHIR Questionnaire that `trialmatch export-fhir`
// writes is loaded into NLM's LHC-Forms (npm lforms, its prebuilt web component) in
// Chromium. The same questions must appear with the same words; on several paths through
// the seed study, the questions LHC-Forms shows (its enableWhen) must be exactly those our
// core says apply (`trialmatch evaluate`'s skipped_questions); and a QuestionnaireResponse
// from `export-fhir --response` must load back with the answers in place.
// Then the app's own FHIR file, saved from a result, loads too. Needs the native CLI
// (build-scripts/build-native.sh) and the web build.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { serve, launchBrowser, waitForScreen, press, answerAll, ARTIFACTS_DIR, SITE_DIR } from "./support.mjs";
import { SEED_ELIGIBLE } from "./seed_answers.mjs";

const CLI = process.env.TRIALMATCH_CLI || path.resolve("build/native/app/cli/trialmatch");
const SEED_FILE = path.resolve("assets/trials/NCT04979910.json");
const SEED = JSON.parse(fs.readFileSync(SEED_FILE, "utf8"));
// The prebuilt files lforms' README says to load (its "Using the LHC-Forms Web Component").
const LFORMS_DIR = path.resolve("node_modules/lforms/dist/lforms");
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LHC-Forms</title>
<link rel="stylesheet" href="/webcomponent/styles.css"></head>
<body><div id="form"></div>
<script src="/webcomponent/assets/lib/zone.min.js"></script>
<script src="/webcomponent/runtime.js"></script>
<script src="/webcomponent/polyfills.js"></script>
<script src="/webcomponent/main.js"></script>
<script src="/fhir/R4/lformsFHIR.min.js"></script>
</body></html>`;

const work = fs.mkdtempSync(path.join(os.tmpdir(), "lhc-forms-"));

function cli(...args) {
  return JSON.parse(execFileSync(CLI, args, { encoding: "utf8" }));
}

function answersFile(answers) {
  const file = path.join(work, `answers-${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(file, JSON.stringify(answers));
  return file;
}

// The questions our core asks for these answers: every question but those it skips.
function questionsThatApply(answers) {
  const skipped = cli("evaluate", SEED_FILE, answersFile(answers)).skipped_questions;
  return SEED.questions.map((q) => q.id).filter((id) => !skipped.includes(id));
}

const questionnaire = { en: cli("export-fhir", SEED_FILE), es: cli("export-fhir", SEED_FILE, "--lang", "es") };

let server, browser, page;
before(async () => {
  server = await serve(LFORMS_DIR, {
    "/index.html": PAGE,
    "/questionnaire-en.json": JSON.stringify(questionnaire.en),
    "/questionnaire-es.json": JSON.stringify(questionnaire.es),
  }, { headers: false });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("pageerror", (e) => console.log("LHC-Forms page error:", e.message));
  await page.goto(`${server.url}/index.html`);
  await page.waitForFunction(() => window.LForms && window.LForms.Util && window.LForms.Util.addFormToPage);
});
after(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

// Shows the exported Questionnaire in LHC-Forms (with a QuestionnaireResponse's answers).
async function showForm(lang, questionnaireResponse) {
  await page.evaluate(async ({ lang, questionnaireResponse }) => {
    const q = await (await fetch(`/questionnaire-${lang}.json`)).json();
    const options = { fhirVersion: "R4" };
    if (questionnaireResponse) options.questionnaireResponse = questionnaireResponse;
    await window.LForms.Util.addFormToPage(q, "form", options);
  }, { lang, questionnaireResponse });
}

// The questions LHC-Forms shows now, in order: [{linkId, text}].
async function shownQuestions() {
  return page.evaluate(() =>
    [...document.querySelectorAll("#form lhc-item.lhc-item-question")].map((item) => {
      const linkId = item.id.replace(/^item-/, "").replace(/\/1$/, "");
      const label = document.getElementById(`label-${linkId}/1`);
      return { linkId, text: label?.querySelector(".question")?.textContent.trim() ?? "" };
    }));
}

const OPTION_SYSTEM = (question) => `urn:trialmatch:option:${SEED.trial.id}:${question}`;
const UNKNOWN = { not_sure: "asked-unknown", prefer_not_to_say: "asked-declined" };
const UNKNOWN_SYSTEM = "http://terminology.hl7.org/CodeSystem/data-absent-reason";

// The element LHC-Forms draws for one answer option (its id is linkId/1|system|code).
function optionSelector(question, answer) {
  const id = UNKNOWN[answer] ? `${question}/1|${UNKNOWN_SYSTEM}|${UNKNOWN[answer]}` : `${question}/1|${OPTION_SYSTEM(question)}|${answer}`;
  return `[id="${id}"]`;
}

// Answers as a person would in LHC-Forms, in questionnaire order: a click on each option,
// the number typed in.
async function answerInForm(answers) {
  for (const q of SEED.questions) {
    if (!(q.id in answers)) continue;
    const answer = answers[q.id];
    if (q.type === "number") {
      await page.fill(`[id="${q.id}/1"]`, String(answer));
      await page.press(`[id="${q.id}/1"]`, "Tab");
    } else {
      for (const one of Array.isArray(answer) ? answer : [answer]) await page.click(optionSelector(q.id, one));
    }
  }
}

test("LHC-Forms shows the same questions, with the same words, in English and in Spanish", async () => {
  for (const lang of ["en", "es"]) {
    await showForm(lang);
    const shown = await shownQuestions();
    // A question's note (what counts, how to answer) is part of it, after its text.
    assert.deepEqual(shown, SEED.questions.map((q) => ({ linkId: q.id, text: q.note ? `${q.text[lang]} ${q.note[lang]}` : q.text[lang] })), lang);
    // The answer options too, with the words of the trial file.
    const mri = SEED.questions.find((q) => q.id === "mri_concerns");
    for (const option of mri.options) {
      const words = await page.textContent(optionSelector(mri.id, option.id));
      assert.equal(words.trim(), option.text[lang]);
    }
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, `lhc-forms-${lang}.png`), fullPage: true });
  }
});

// Paths through the seed study's skip logic: who can become pregnant, the partner branch,
// the antidepressant dose, unknown answers, and the multiple-choice MRI question.
const PATHS = [
  {},
  { age: 34, on_antidepressant: "no", can_become_pregnant: "no" },
  { on_antidepressant: "not_sure", can_become_pregnant: "yes", pregnant: "no" },
  { can_become_pregnant: "yes", pregnant: "yes" },
  { can_become_pregnant: "yes", pregnant: "not_sure", mri_concerns: ["closed_spaces", "metal_in_body"] },
  { can_become_pregnant: "not_sure", pregnant: "no", penis_in_vagina_sex: "no" },
  { can_become_pregnant: "no", penis_in_vagina_sex: "no", mri_concerns: ["none"] },
  { can_become_pregnant: "no", penis_in_vagina_sex: "prefer_not_to_say", condoms: "no", partner_birth_control: "yes" },
  { can_become_pregnant: "no", penis_in_vagina_sex: "yes", mri_concerns: ["pacemaker", "cannot_lie_still"] },
];

test("on every path, LHC-Forms shows exactly the questions our core says apply", async () => {
  for (const [lang, answers] of PATHS.map((a, i) => [i % 2 ? "es" : "en", a])) {
    await showForm(lang);
    await answerInForm(answers);
    const shown = (await shownQuestions()).map((q) => q.linkId);
    assert.deepEqual(shown, questionsThatApply(answers), `${lang} ${JSON.stringify(answers)}`);
  }
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, "lhc-forms-path.png"), fullPage: true });
});

// The answers of a QuestionnaireResponse, comparable: linkId -> the codes or values.
function answerValues(response) {
  const out = {};
  for (const item of response.item ?? []) {
    const values = (item.answer ?? []).map((a) => a.valueCoding ? `${a.valueCoding.system}|${a.valueCoding.code}`
      : a.valueInteger ?? a.valueDecimal ?? a.valueDate);
    if (values.length) out[item.linkId] = values.sort();
  }
  return out;
}

test("a QuestionnaireResponse from export-fhir loads back into LHC-Forms with the answers in place", async () => {
  const answers = {
    age: 34, diagnosed_depression: "yes", depressed_now: "not_sure", self_harm_thoughts: "prefer_not_to_say",
    on_antidepressant: "yes", dose_stable: "yes", treatments_tried: "two_or_more", can_become_pregnant: "no",
    breastfeeding: "no", penis_in_vagina_sex: "yes", condoms: "yes", partner_birth_control: "partner_pregnant_or_breastfeeding",
    mri_concerns: ["closed_spaces", "contrast_reaction"], can_attend_visits: "yes",
  };
  for (const lang of ["en", "es"]) {
    const response = cli("export-fhir", SEED_FILE, "--response", answersFile(answers), "--lang", lang);
    await showForm(lang, response);
    // In place on the screen: each chosen option is checked, the age is typed in.
    for (const q of SEED.questions) {
      if (!(q.id in answers)) continue;
      if (q.type === "number") {
        assert.equal(await page.inputValue(`[id="${q.id}/1"]`), String(answers[q.id]), q.id);
        continue;
      }
      const chosen = [answers[q.id]].flat();
      const offered = [...(q.options ?? [{ id: "yes" }, { id: "no" }]).map((o) => o.id), ...(q.unknown ?? [])];
      for (const option of offered) {
        const checked = await page.$eval(`${optionSelector(q.id, option)} input`, (input) => input.checked);
        assert.equal(checked, chosen.includes(option), `${lang} ${q.id} ${option}`);
      }
    }
    // And LHC-Forms' own QuestionnaireResponse of the loaded form holds the same answers.
    const back = await page.evaluate(() =>
      window.LForms.Util.getFormFHIRData("QuestionnaireResponse", "R4", document.querySelector("#form")));
    assert.deepEqual(answerValues(back), answerValues(response), lang);
    assert.equal(Object.keys(answerValues(response)).length, Object.keys(answers).length);
  }
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, "lhc-forms-response.png"), fullPage: true });
});

// The app's own "Save my answers for my health record" (a FHIR file): the file a person saves from
// a result (in English and Spanish) loads into LHC-Forms with every answer they gave; a
// kiosk does not offer it.
test("the FHIR file saved from the app's result screen loads into LHC-Forms with the person's answers", async () => {
  const site = await serve(SITE_DIR);
  try {
    for (const lang of ["en", "es"]) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
      const app = await context.newPage();
      await app.goto(`${site.url}/?lang=${lang}`);
      await waitForScreen(app, "welcome");
      await press(app, "start", { touch: true });
      const review = await answerAll(app, SEED_ELIGIBLE, { touch: true });
      const result = await press(app, "see_result", { touch: true });
      assert.equal(result.screen, "result");
      assert.ok(result.buttons.some((b) => b.id === "save_fhir"));
      const download = app.waitForEvent("download");
      await press(app, "save_fhir", { touch: true });
      const saved = await download;
      assert.equal(saved.suggestedFilename(), "questionnaire-response-NCT04979910.json");
      const response = JSON.parse(fs.readFileSync(await saved.path(), "utf8"));
      assert.equal(response.resourceType, "QuestionnaireResponse");
      await context.close();
      await showForm(lang, response);
      const back = await page.evaluate(() =>
        window.LForms.Util.getFormFHIRData("QuestionnaireResponse", "R4", document.querySelector("#form")));
      assert.deepEqual(answerValues(back), answerValues(response), lang);
      assert.deepEqual(Object.keys(answerValues(response)).sort(), Object.keys(review.answers).sort(),
                       "every answer the person gave, and no other");
      assert.equal(await page.inputValue('[id="age/1"]'), String(SEED_ELIGIBLE.age));
    }
    const kiosk = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const app = await kiosk.newPage();
    await app.goto(`${site.url}/?mode=kiosk`);
    await waitForScreen(app, "welcome");
    await press(app, "start");
    await answerAll(app, SEED_ELIGIBLE);
    const result = await press(app, "see_result");
    assert.ok(!result.buttons.some((b) => b.id === "save_fhir"), "never at a kiosk");
    await kiosk.close();
  } finally {
    await site.close();
  }
});
