// Matching one person against a catalog of studies (?catalog=catalogs/depression.json), as
// a person does it, by tapping: a person several studies may fit, one no study fits, and
// one who tells us about thoughts of self-harm; in English and Spanish, on a phone and a
// kiosk screen. Also: a catalog link that is not this site's own file is refused.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { siteAndBrowser, waitForScreen, screenshot, press, settled, enterNumber, words, ARTIFACTS_DIR, SITE_DIR } from "./support.mjs";

const site = siteAndBrowser();

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true };
const KIOSK = { viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 };
const CATALOG = "catalogs/depression.json";
const OPEN_STUDIES = ["NCT04979910", "NCT06136546", "NCT07493317"];
const CLOSED_STUDIES = ["NCT07052058", "NCT03947827", "NCT02473289", "NCT02660528"];

// A person the three recruiting studies may all fit, by question id (a question only one
// study asks is "STUDY/id") -> button id(s); numbers are typed on the keypad.
const FITS_SEVERAL = {
  age: 40, diagnosed_depression: "yes", depressed_now: "yes", self_harm_thoughts: "no", recent_suicide_attempt: "no",
  on_antidepressant: "yes", dose_stable: "yes", psychosis_or_bipolar: "no", can_become_pregnant: "no",
  penis_in_vagina_sex: "no", "NCT04979910/treatments_tried": "two_or_more", "NCT04979910/substance_problems": "no",
  "NCT04979910/breastfeeding": "no", "NCT04979910/memory_condition": "no", "NCT04979910/mri_concerns": ["none"], "NCT04979910/can_attend_visits": "yes",
  "NCT06136546/mgh_reads_english": "yes", "NCT06136546/mgh_keep_treatment_same": "yes",
  "NCT06136546/mgh_iv_and_blood_draws_ok": "yes", "NCT06136546/mgh_can_attend_visits": "yes",
  "NCT07493317/il6_can_attend_visits": "yes",
};

// `beforeLoad(page)` runs before the page loads (to watch its requests from the first).
async function open(options, lang, query = `catalog=${CATALOG}`, beforeLoad = () => {}) {
  const context = await site.browser.newContext(options);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  beforeLoad(page);
  await page.goto(`${site.server.url}/?${query}&lang=${lang}`);
  return { context, page, errors };
}

// Start, then "Skip this step" on the ZIP code screen the catalog shows first.
async function startPastZip(page, options) {
  const shown = await press(page, "start", options);
  assert.equal(shown.screen, "zip");
  assert.ok(shown.buttons.some((b) => b.id === "skip_zip"), "the ZIP code can be skipped");
  return press(page, "skip_zip", options);
}

// Answers every question asked from `answers`; any other question gets "No", or the first
// "not sure" kind of answer, or its first option. Returns the screen after the last one,
// the ids asked, in order, the concept of each (what it asks, from the trial files), and
// the "of about N" shown with each.
async function answerEverything(page, answers, options) {
  let shown = await settled(page);
  const asked = [], concepts = [], totals = [];
  while (shown.screen === "question" || shown.screen === "support") {
    if (shown.screen === "support") { shown = await press(page, "support_continue", options); continue; }
    const id = shown.question.id;
    asked.push(id);
    concepts.push(shown.question.concept);
    totals.push(shown.progress.total);
    const ids = shown.buttons.map((b) => b.id);
    const a = answers[id];
    if (typeof a === "number") shown = await enterNumber(page, a, options);
    else if (Array.isArray(a)) {
      for (const option of a) await press(page, `option:${option}`, options);
      shown = await press(page, "continue", options);
    } else if (a !== undefined) shown = await press(page, `option:${a}`, options);
    else if (shown.question.type === "multiple") {
      const none = ids.find((b) => b === "option:none") || ids.find((b) => b.startsWith("option:"));
      await press(page, none, options);
      shown = await press(page, "continue", options);
    } else if (shown.question.type === "number") shown = await enterNumber(page, 40, options);
    else if (ids.includes("option:no")) shown = await press(page, "option:no", options);
    else shown = await press(page, ids.find((b) => b.startsWith("option:")), options);
  }
  return { shown, asked, concepts, totals };
}

// No two questions a person was asked ask the same thing, whatever their words; and the
// "Question N of about M" shown never grows, and held from the first question.
function assertAskedOnceWithAnHonestEstimate({ asked, concepts, totals }) {
  assert.equal(new Set(asked).size, asked.length, `a question was asked twice: ${asked.join(", ")}`);
  assert.ok(concepts.every((c) => c.length > 0), `every question names its concept: ${asked.join(", ")}`);
  const twice = concepts.filter((c, i) => concepts.indexOf(c) !== i);
  assert.deepEqual(twice, [], `asked twice in other words: ${twice.join(", ")} (${asked.join(", ")})`);
  for (let i = 1; i < totals.length; ++i)
    assert.ok(totals[i] <= totals[i - 1], `the estimate grew from ${totals[i - 1]} to ${totals[i]}: ${totals.join(", ")}`);
  assert.ok(asked.length <= totals[0], `${asked.length} questions asked, ${totals[0]} estimated at the start`);
}

test("several studies may fit: one set of questions, ranked results, each study's own result (English, phone)", async () => {
  const { context, page, errors } = await open(PHONE, "en");
  let shown = await waitForScreen(page, "welcome");
  assert.equal(shown.title, "Depression studies that test medicines for inflammation");
  assert.ok(words(shown).includes("You answer one set of questions. We use your answers to check 3 studies."));
  // Each study's status with the date it was read, not a claim about today; and which
  // personal topics are coming.
  assert.ok(words(shown).includes("Looking for people (as of November 16, 2023)"), words(shown).join(" | "));
  assert.ok(words(shown).includes("Looking for people (as of May 7, 2025)"));
  assert.ok(words(shown).some((t) => t.startsWith("Some questions are personal.") && t.includes("birth control")));
  await screenshot(page, "catalog-welcome-en-phone");
  await startPastZip(page, { touch: true });
  const walk = await answerEverything(page, FITS_SEVERAL, { touch: true });
  const { shown: review, asked } = walk;
  assert.equal(review.screen, "review");
  assertAskedOnceWithAnHonestEstimate(walk);
  assert.equal(asked.filter((id) => id === "age").length, 1);
  assert.ok(asked.some((id) => id.includes("/")), "questions only one study asks are asked too");
  shown = await press(page, "see_result", { touch: true });
  assert.equal(shown.screen, "results");
  assert.equal(shown.heading, "Your results");
  await screenshot(page, "catalog-results-en-phone");
  const order = shown.results.map((r) => r.study);
  assert.deepEqual([...order].sort(), [...OPEN_STUDIES, ...CLOSED_STUDIES].sort());
  assert.deepEqual(shown.results.slice(0, 3).map((r) => r.verdict), ["likely_eligible", "likely_eligible", "likely_eligible"],
                   JSON.stringify(shown.results));
  assert.deepEqual(shown.results.slice(-CLOSED_STUDIES.length).map((r) => r.verdict), CLOSED_STUDIES.map(() => "closed"));
  assert.ok(words(shown).includes("May be a good fit for you"));
  assert.ok(words(shown).includes("Not looking for people now"));
  // Each closed study says its own kind of closed, with its date: not yet recruiting is not finished.
  for (const status of ["Not looking for people yet (as of July 4, 2025)", "Finished (as of January 9, 2025)",
                        "Stopped early (as of November 29, 2026)"])
    assert.ok(words(shown).includes(status), status);
  for (const s of OPEN_STUDIES) assert.ok(shown.buttons.some((b) => b.id === `study:${s}`), `a button opens ${s}`);
  for (const s of CLOSED_STUDIES) assert.ok(!shown.buttons.some((b) => b.id === `study:${s}`), `${s} is closed: nothing to open`);
  // The first study opens its own result, with its contact; Back returns to the list.
  const first = shown.results[0].study;
  shown = await press(page, `study:${first}`, { touch: true });
  assert.equal(shown.screen, "result");
  assert.equal(shown.study, first);
  assert.equal(shown.verdict, "likely_eligible");
  assert.ok(words(shown).includes("You may be a good fit for this study"));
  assert.ok(words(shown).includes("How to contact the study"));
  await screenshot(page, "catalog-study-result-en-phone");
  shown = await press(page, "back", { touch: true });
  assert.equal(shown.screen, "results");
  assert.deepEqual(errors, []);
  await context.close();
});

test("no study fits someone under 18: one question, and every study says so (Spanish, kiosk)", async () => {
  const { context, page, errors } = await open(KIOSK, "es");
  let shown = await waitForScreen(page, "welcome");
  assert.equal(shown.title, "Estudios de depresión que prueban medicamentos para la inflamación");
  await screenshot(page, "catalog-welcome-es-kiosk");
  await startPastZip(page);
  shown = await enterNumber(page, 17);
  assert.equal(shown.screen, "review");
  assert.deepEqual(Object.keys(shown.answers), ["age"]);
  assert.ok(shown.buttons.find((b) => b.id === "see_result").label === "Ver mis resultados");
  shown = await press(page, "see_result");
  assert.equal(shown.screen, "results");
  assert.deepEqual(shown.results.slice(0, 3).map((r) => r.verdict), ["not_eligible", "not_eligible", "not_eligible"]);
  assert.ok(words(shown).some((t) => t.startsWith("Ninguno de estos estudios es para usted por ahora.")));
  assert.ok(words(shown).includes("No son para usted por ahora"));
  // Each study's first reason: its age range. Not "the only reason": the questions not asked
  // could rule the person out too.
  assert.equal(words(shown).filter((t) => /^El estudio es para adultos(\. Su anuncio dice)? de \d+ a \d+ años/.test(t)).length, 3,
               "each study's first reason: its age range");
  assert.ok(!words(shown).some((t) => t.startsWith("La única razón")));
  assert.ok(!shown.buttons.some((b) => b.id === "call988"), "no crisis block without a disclosure");
  await screenshot(page, "catalog-results-none-es-kiosk");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a disclosure: the support screen once, then crisis help on the results and on each study's result (Spanish, phone)", async () => {
  const { context, page, errors } = await open(PHONE, "es");
  await waitForScreen(page, "welcome");
  await startPastZip(page, { touch: true });
  await enterNumber(page, 30, { touch: true });
  let shown = await settled(page);
  const asked = [];
  while (shown.screen === "question" && shown.question.id !== "self_harm_thoughts") {
    asked.push(shown.question.id);
    shown = await press(page, "option:yes", { touch: true });
  }
  assert.equal(shown.screen, "question", `self-harm question asked after ${asked.join(", ")}`);
  shown = await press(page, "option:yes", { touch: true });
  assert.equal(shown.screen, "support");
  assert.ok(shown.buttons.some((b) => b.id === "call988"));
  await screenshot(page, "catalog-support-es-phone");
  shown = await press(page, "support_continue", { touch: true });
  const rest = await answerEverything(page, { recent_suicide_attempt: "no" }, { touch: true });
  assert.ok(!rest.asked.includes("self_harm_thoughts"), "asked once");
  shown = await press(page, "see_result", { touch: true });
  assert.equal(shown.screen, "results");
  assert.ok(shown.buttons.some((b) => b.id === "call988"), "the results repeat the crisis help");
  await screenshot(page, "catalog-results-crisis-es-phone");
  for (const s of shown.results.filter((r) => r.verdict !== "closed").map((r) => r.study)) {
    shown = await press(page, `study:${s}`, { touch: true });
    assert.equal(shown.study, s);
    assert.ok(shown.buttons.some((b) => b.id === "call988"), `${s}'s result repeats the crisis help`);
    shown = await press(page, "back", { touch: true });
  }
  assert.deepEqual(errors, []);
  await context.close();
});

// The download plan (docs/catalog-format.md, "Downloads"): the catalog, then every recruiting
// study's file as the catalog opens, and nothing because of an answer or of a study the person
// opens: what the server sees is the same for everyone.
test("what a catalog page downloads does not depend on the answers: every recruiting study's file as it opens, nothing after", async () => {
  const seen = {};
  for (const [who, answers] of [["fits several", FITS_SEVERAL], ["under 18", { age: 17 }]]) {
    const requested = [];
    let started = false;
    const { context, page, errors } = await open(PHONE, "en", `catalog=${CATALOG}`, (p) =>
      p.on("request", (r) => requested.push({ path: new URL(r.url()).pathname, afterStart: started })));
    await waitForScreen(page, "welcome");
    started = true;
    await startPastZip(page, { touch: true });
    const { shown } = await answerEverything(page, answers, { touch: true });
    assert.equal(shown.screen, "review");
    assert.equal((await press(page, "see_result", { touch: true })).screen, "results");
    for (const study of OPEN_STUDIES) {
      assert.equal((await press(page, `study:${study}`, { touch: true })).screen, "result");
      assert.equal((await press(page, "back", { touch: true })).screen, "results");
    }
    const studyFiles = requested.filter((r) => /^\/(trials|catalogs)\//.test(r.path));
    assert.deepEqual(studyFiles.filter((r) => r.afterStart), [], `${who}: no file fetched after Start`);
    assert.deepEqual(requested.filter((r) => r.afterStart), [], `${who}: nothing at all fetched after Start`);
    seen[who] = studyFiles.map((r) => r.path).sort();
    assert.deepEqual(errors, []);
    await context.close();
  }
  assert.deepEqual(seen["fits several"], ["/catalogs/depression.json", ...OPEN_STUDIES.map((s) => `/trials/${s}.json`)].sort(),
                   "the catalog and each recruiting study's file, no closed study's");
  assert.deepEqual(seen["under 18"], seen["fits several"], "the same files whatever the answers");
});

test("a ?catalog= value that is not this site's own catalog is refused and never shown", async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const requested = [];
  page.on("request", (r) => requested.push(r.url()));
  for (const value of ["https://example.org/catalogs/depression.json", "trials/NCT04979910.json", "catalogs/../trials/x.json",
                       "//evil.example/catalogs/a.json"]) {
    await page.goto(`${site.server.url}/?catalog=${encodeURIComponent(value)}`);
    const shown = await waitForScreen(page, "error");
    assert.ok(!JSON.stringify(shown).includes(value), `the refused value is not shown: ${value}`);
  }
  // A link naming both a study and a catalog is refused too: which one would it be?
  await page.goto(`${site.server.url}/?catalog=${CATALOG}&trial=trials/NCT04979910.json`);
  await waitForScreen(page, "error");
  assert.ok(!requested.some((u) => !u.startsWith(site.server.url)), "nothing was fetched from elsewhere");
  await context.close();
});

test("a kiosk opens the catalog too, and its idle wipe leaves a fresh catalog welcome screen", async () => {
  const { context, page, errors } = await open(KIOSK, "en", `catalog=${CATALOG}&mode=kiosk&idle=2`);
  let shown = await waitForScreen(page, "welcome");
  assert.ok(shown.kiosk);
  assert.ok(words(shown).includes("Welcome! Tap Start to see which of these studies may be right for you."));
  assert.equal(shown.title, "Depression studies that test medicines for inflammation");
  await startPastZip(page);
  shown = await enterNumber(page, 40);
  assert.equal(shown.screen, "question");
  await page.evaluate(() => { window.__lastPage = true; });
  // Idle: "Are you still there?", then a fresh page with no answers.
  await page.waitForFunction(() => !window.__lastPage && window.trialmatch && window.trialmatch.ready &&
                             window.trialmatch.describe().screen === "welcome", null, { timeout: 60000, polling: 100 });
  shown = await settled(page);
  assert.deepEqual(shown.answers, {});
  assert.equal(shown.title, "Depression studies that test medicines for inflammation");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a close study says what would change its result: a recent dose change is the one thing to talk over (English, kiosk)", async () => {
  const { context, page, errors } = await open(KIOSK, "en");
  await waitForScreen(page, "welcome");
  await startPastZip(page);
  await answerEverything(page, { ...FITS_SEVERAL, dose_stable: "no" });
  const shown = await press(page, "see_result");
  assert.equal(shown.screen, "results");
  const seed = shown.results.find((r) => r.study === "NCT04979910");
  assert.equal(seed.verdict, "needs_review");
  const line = words(shown).find((t) => t.startsWith("One thing to talk over with the study team: Your antidepressant dose needs to stay the same"));
  assert.ok(line, JSON.stringify(words(shown)));
  assert.ok(line.includes("the study team can tell you when you could start"));
  await screenshot(page, "catalog-results-close-en-kiosk");
  assert.deepEqual(errors, []);
  await context.close();
});

// Issue 23: "Cannot come to Boston" was followed by the study's other questions and by "the
// study team can talk with you about the schedule".
test("a study the person cannot come to asks nothing more of its own, and its result says what would have to change (English, phone)", async () => {
  const { context, page, errors } = await open(PHONE, "en");
  await waitForScreen(page, "welcome");
  await startPastZip(page, { touch: true });
  const walk = await answerEverything(page, { ...FITS_SEVERAL, "NCT06136546/mgh_can_attend_visits": "no" }, { touch: true });
  assertAskedOnceWithAnHonestEstimate(walk);
  const at = walk.asked.indexOf("NCT06136546/mgh_can_attend_visits");
  assert.ok(at >= 0, walk.asked.join(", "));
  const mghAfter = walk.asked.slice(at + 1).filter((id) => id.startsWith("NCT06136546/"));
  assert.deepEqual(mghAfter, [], "none of the Boston study's own questions after the person said they cannot come");
  let shown = await press(page, "see_result", { touch: true });
  const open_ = shown.results.filter((r) => r.verdict !== "closed");
  assert.deepEqual(open_.map((r) => [r.study, r.verdict]),
                   [["NCT04979910", "likely_eligible"], ["NCT07493317", "likely_eligible"], ["NCT06136546", "needs_review"]],
                   "the study out of reach comes last of the recruiting studies");
  assert.ok(words(shown).some((t) => t.includes("You said you could not come to visits in Boston.")), words(shown).join(" | "));
  await screenshot(page, "catalog-results-out-of-reach-en-phone");
  shown = await press(page, "study:NCT06136546", { touch: true });
  const all = words(shown);
  assert.ok(all.includes("This study may not be possible for you"), all.join(" | "));
  assert.ok(all.some((t) => t.includes("You said you could not come to visits in Boston.") && t.includes("If something could change")), all.join(" | "));
  for (const t of all)
    assert.doesNotMatch(t, /Nothing you told us keeps you|not sure or chose not to answer/, "no words that contradict the answer");
  await screenshot(page, "catalog-study-out-of-reach-en-phone");
  assert.deepEqual(errors, []);
  await context.close();
});

// Issue 23: the distance asked only after every question. A ZIP code and a distance given
// first set the studies too far away aside before their questions; a larger distance on the
// results brings them back, with their questions still to answer.
for (const [lang, options, size] of [["en", PHONE, "phone"], ["es", KIOSK, "kiosk"]]) {
  test(`a ZIP code and a distance before the questions set far studies aside; a larger distance brings them back (${lang}, ${size})`, async () => {
    const { context, page, errors } = await open(options, lang);
    const touch = { touch: size === "phone" };
    await waitForScreen(page, "welcome");
    let shown = await press(page, "start", touch);
    assert.equal(shown.screen, "zip");
    assert.equal(shown.heading, lang === "en" ? "Where do you live?" : "¿Dónde vive?");
    assert.ok(shown.buttons.some((b) => b.id === "distance:25"));
    shown = await press(page, "distance:25", touch);
    for (const d of "10029") shown = await press(page, `key:${d}`, touch);  // East Harlem, by Mount Sinai
    await screenshot(page, `catalog-zip-start-${lang}-${size}`);
    shown = await press(page, "continue", touch);
    if (shown.screen === "zip") shown = await waitForScreen(page, "question");  // the table loads first
    assert.equal(shown.screen, "question");
    const walk = await answerEverything(page, FITS_SEVERAL, touch);
    assertAskedOnceWithAnHonestEstimate(walk);
    assert.deepEqual(walk.asked.filter((id) => id.startsWith("NCT06136546/")), [], "none of the Boston study's questions");
    shown = await press(page, "see_result", touch);
    const boston = () => shown.results.find((r) => r.study === "NCT06136546");
    assert.equal(boston().shown, false);
    assert.ok(words(shown).some((t) => t.startsWith(lang === "en" ? "Studies farther away are not shown: 1." : "No se muestran los estudios más lejanos: 1.")));
    shown = await press(page, "distance:0", touch);
    assert.equal(boston().shown, true);
    assert.equal(boston().settled, false);
    assert.ok(words(shown).includes(lang === "en" ? "These studies need a few more answers" : "Estos estudios necesitan algunas respuestas más"));
    await screenshot(page, `catalog-results-need-more-${lang}-${size}`);
    shown = await press(page, "answer_more", touch);
    assert.equal(shown.screen, "question");
    const more = await answerEverything(page, FITS_SEVERAL, touch);
    assert.ok(more.asked.length > 0 && more.asked.every((id) => id.startsWith("NCT06136546/")), more.asked.join(", "));
    shown = await press(page, "see_result", touch);
    assert.equal(boston().settled, true);
    assert.equal(boston().verdict, "likely_eligible");
    assert.deepEqual(errors, []);
    await context.close();
  });
}

for (const [lang, options, size] of [["en", PHONE, "phone"], ["es", KIOSK, "kiosk"]]) {
  test(`studies near me: a ZIP code on the keypad gives each study's distance and limits the list, and never leaves the device (${lang}, ${size})`, async () => {
    const { context, page, errors } = await open(options, lang);
    const requests = [];
    page.on("request", (r) => requests.push({ url: r.url(), body: r.postData() || "" }));
    const touch = { touch: size === "phone" };
    await waitForScreen(page, "welcome");
    await startPastZip(page, touch);
    await answerEverything(page, FITS_SEVERAL, touch);
    let shown = await press(page, "see_result", touch);
    const before = requests.length;
    shown = await press(page, "studies_near_me", touch);
    assert.equal(shown.screen, "zip");
    assert.equal(shown.heading, lang === "en" ? "What is your ZIP code?" : "¿Cuál es su código postal (ZIP)?");
    assert.ok(words(shown).includes(lang === "en" ? "Your ZIP code stays on this device. It is never sent anywhere."
                                                  : "Su código postal se queda en este dispositivo. Nunca se envía a ningún lugar."));
    shown = await enterNumber(page, 1000, touch);
    assert.equal(shown.screen, "zip", "four digits are not a ZIP code");
    assert.ok(shown.texts.some((t) => t.role === "problem"));
    await press(page, "key:1", touch);
    assert.equal((await settled(page)).zip_entry, "10001");
    await screenshot(page, `catalog-zip-${lang}-${size}`);
    shown = await press(page, "continue", touch);
    if (shown.screen === "zip") {  // the table arrived after the press: wait for the results, drawn
      await waitForScreen(page, "results");
      shown = await settled(page);
    }
    assert.equal(shown.zip, "10001");
    const byStudy = Object.fromEntries(shown.results.map((r) => [r.study, r]));
    assert.ok(byStudy.NCT04979910.miles < 5, `Mount Sinai is near 10001: ${byStudy.NCT04979910.miles}`);
    assert.ok(Math.abs(byStudy.NCT06136546.miles - 190) < 10, `Boston is about 190 miles: ${byStudy.NCT06136546.miles}`);
    assert.equal(byStudy.NCT07493317.miles, null, "its site's ZIP code is not in the registry's record");
    assert.ok(words(shown).includes(lang === "en" ? "About 190 miles away" : "A unas 190 millas") ||
              words(shown).some((t) => /^(About|A unas) 1(8|9)\d (miles|millas)/.test(t)), JSON.stringify(shown));
    shown = await press(page, "distance:25", touch);
    assert.equal(shown.distance_limit, 25);
    assert.ok(!shown.buttons.some((b) => b.id === "study:NCT06136546"), "Boston is farther than 25 miles: not shown");
    assert.ok(shown.buttons.some((b) => b.id === "study:NCT04979910"));
    assert.ok(shown.buttons.some((b) => b.id === "study:NCT07493317"), "a study whose distance is unknown stays");
    assert.ok(words(shown).some((t) => t.startsWith(lang === "en" ? "Studies farther away are not shown: 1." : "No se muestran los estudios más lejanos: 1.")));
    await screenshot(page, `catalog-results-near-${lang}-${size}`);
    // What left the page: the ZIP code table, the same file for everyone, and nothing else.
    // (On a busy machine the page's own late files, such as the service worker's, may come
    // in this time too: each is a file of the site, asked for plainly.)
    const after = requests.slice(before).map((r) => new URL(r.url));
    assert.equal(after.filter((u) => u.pathname === "/places/us-zips.txt").length, 1, "the table, once");
    for (const u of after)
      assert.ok(u.search === "" && /^\/(places\/us-zips\.txt|sw\.js|manifest\.webmanifest|icon\.svg|deploy-config\.json)$/.test(u.pathname),
                `only the table and the site's own files: ${u.href}`);
    assert.ok(!requests.some((r) => r.url.includes("10001") || r.body.includes("10001")), "the ZIP code is in no request");
    const stored = await page.evaluate(async () => {
      const cached = [];
      for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) cached.push(r.url);
      return { local: localStorage.length, session: sessionStorage.length, cookie: document.cookie,
               databases: indexedDB.databases ? (await indexedDB.databases()).length : 0,
               zipTableCached: cached.some((u) => u.includes("us-zips")) };
    });
    assert.deepEqual(stored, { local: 0, session: 0, cookie: "", databases: 0, zipTableCached: false },
                     "nothing is kept on the device");
    shown = await press(page, "forget_zip", touch);
    assert.equal(shown.zip, "");
    assert.ok(shown.buttons.some((b) => b.id === "study:NCT06136546"));
    assert.deepEqual(errors, []);
    await context.close();
  });
}

// Printing a catalog's results: every study on the list, each with its verdict, and the
// answers once, read back from the PDF (poppler's pdftotext), in Spanish.
test("printing a catalog's results lists every study shown, with the answers once (Spanish, phone)", async () => {
  const { context, page, errors } = await open(PHONE, "es");
  await waitForScreen(page, "welcome");
  await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await startPastZip(page, { touch: true });
  const { shown: review } = await answerEverything(page, FITS_SEVERAL, { touch: true });
  assert.equal(review.screen, "review");
  const results = await press(page, "see_result", { touch: true });
  assert.equal(results.screen, "results");
  await press(page, "print", { touch: true });
  await page.waitForFunction(() => window.__printed === 1);
  const laidOut = await page.evaluate(() => document.getElementById("print-summary").textContent);
  const file = path.join(ARTIFACTS_DIR, "print-catalog-es.pdf");
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  fs.writeFileSync(file, await page.pdf({ format: "Letter" }));
  const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  execFileSync("pdftoppm", ["-png", "-r", "60", file, path.join(ARTIFACTS_DIR, "print-catalog-es")]);
  const catalog = JSON.parse(fs.readFileSync(path.join(SITE_DIR, CATALOG), "utf8"));
  const shownStudies = results.results.filter((r) => r.shown !== false && r.verdict !== "closed").map((r) => r.study);
  assert.equal(shownStudies.length, OPEN_STUDIES.length);
  for (const id of shownStudies) {
    const title = catalog.studies.find((s) => s.id === id).title.es;
    assert.ok(laidOut.includes(title), `the summary names ${id}`);
    assert.ok(text.includes(title.replace(/\s+/g, " ")), `the printed page names ${id}`);
  }
  const lines = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).split("\n").map((l) => l.trim());
  assert.equal(lines.filter((l) => l === "Sus respuestas").length, 1, "the answers are printed once, under their heading");
  assert.ok(text.includes("40 años"));
  assert.deepEqual(errors, []);
  await context.close();
});
