// The result screen of every verdict, as a person reads it on a phone in English and
// Spanish: crisis help after a disclosure (and only then), how to reach the study team, next
// steps when the study is not a match, and no sentence claiming an answer not given.
import { test } from "node:test";
import assert from "node:assert/strict";
import { siteAndBrowser, waitForScreen, screenshot, press, answerAll, words } from "./support.mjs";
import { SEED_ELIGIBLE } from "./seed_answers.mjs";

const site = siteAndBrowser();
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true };

const WORDS = {
  en: {
    crisis: "Help is here, day and night", contact: "How to contact the study", nextSteps: "What you can do next",
    gentle: "If you ever have thoughts of death or of hurting yourself, you can call or text 988",
    otherStudies: "ClinicalTrials.gov", review: "Review my answers", textLine: "text HOME to 741741",
    // Words that claim an answer: "You told us about...", "Because you told us...". ("Nothing you
    // told us rules you out" claims nothing.)
    claim: /(^|[.!?]\s+|because )you (told us|said)/i, notPromise: "not a promise",
  },
  es: {
    crisis: "Hay ayuda, de día y de noche", contact: "Cómo comunicarse con el estudio",
    gentle: "Si alguna vez tiene pensamientos de muerte o de hacerse daño, puede llamar o enviar un mensaje de texto al 988",
    nextSteps: "Lo que puede hacer ahora", otherStudies: "ClinicalTrials.gov", review: "Revisar mis respuestas",
    textLine: "AYUDA en un mensaje de texto al 741741", claim: /(^|[.!?]\s+|como )(nos dijo|usted dijo)/i, notPromise: "no es una promesa",
  },
};

// Opens the seed study on a phone, answers by tapping, and opens the result.
async function resultFor(lang, answers) {
  const context = await site.browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(`${site.server.url}/?lang=${lang}`);
  await waitForScreen(page, "welcome");
  await press(page, "start", { touch: true });
  let shown = await answerAll(page, answers, { touch: true });
  assert.equal(shown.screen, "review");
  shown = await press(page, "see_result", { touch: true });
  assert.equal(shown.screen, "result");
  return { context, page, shown };
}

const has = (shown, piece) => words(shown).some((t) => t.includes(piece));

const CASES = [
  { name: "likely", verdict: "likely_eligible", crisis: false, answers: SEED_ELIGIBLE },
  { name: "needs-review", verdict: "needs_review", crisis: false, answers: { ...SEED_ELIGIBLE, dose_stable: "no" } },
  { name: "not-eligible", verdict: "not_eligible", crisis: false,
    answers: { ...SEED_ELIGIBLE, can_become_pregnant: "no", breastfeeding: "yes" } },
  { name: "crisis-needs-review", verdict: "needs_review", crisis: true,
    answers: { ...SEED_ELIGIBLE, self_harm_thoughts: "yes" } },
  { name: "crisis-not-eligible", verdict: "not_eligible", crisis: true,
    answers: { ...SEED_ELIGIBLE, recent_suicide_attempt: "yes", on_antidepressant: "no" } },
];

for (const lang of ["en", "es"]) {
  for (const c of CASES) {
    test(`result ${c.name} (${lang}): crisis help ${c.crisis ? "shown" : "not shown"}, contact always`, async () => {
      const w = WORDS[lang];
      const { context, page, shown } = await resultFor(lang, c.answers);
      assert.equal(shown.verdict, c.verdict);
      assert.equal(has(shown, w.crisis), c.crisis, "the crisis block follows the disclosure");
      const ids = shown.buttons.map((b) => b.id);
      assert.equal(ids.includes("call988"), c.crisis);
      assert.equal(ids.includes("text988"), c.crisis);
      if (c.crisis) {
        assert.ok(has(shown, "911"));
        assert.ok(has(shown, w.textLine), "the Crisis Text Line in the person's language");
        await page.evaluate(() => { window.openedLinks = []; window.trialmatch.openLink = (u) => window.openedLinks.push(u); });
        await press(page, "text988", { touch: true });
        await press(page, "text741741", { touch: true });
        await press(page, "call911", { touch: true });
        assert.deepEqual(await page.evaluate(() => window.openedLinks),
                         [lang === "es" ? "sms:988?&body=AYUDA" : "sms:988",
                          lang === "es" ? "sms:741741?&body=AYUDA" : "sms:741741?&body=HOME", "tel:911"]);
      }
      assert.ok(has(shown, w.contact), "every verdict says how to reach the study");
      assert.equal(has(shown, w.nextSteps), c.verdict === "not_eligible");
      if (c.verdict === "not_eligible") {
        assert.ok(has(shown, w.otherStudies));
        assert.ok(has(shown, w.review) && ids.includes("review"), "a way to fix a wrong answer");
      }
      if (c.verdict === "likely_eligible") assert.ok(has(shown, w.notPromise), "likely a fit is not a promise");
      await screenshot(page, `result-${c.name}-${lang}-phone`);
      await context.close();
    });
  }

  test(`"Prefer not to say" on self-harm: one gentle line with 988, no crisis block, no sentence claiming an answer (${lang})`, async () => {
    const w = WORDS[lang];
    const { context, page, shown } = await resultFor(lang, { ...SEED_ELIGIBLE, self_harm_thoughts: "prefer_not_to_say" });
    assert.equal(shown.verdict, "needs_review");
    assert.equal(has(shown, w.crisis), false);
    assert.equal(words(shown).filter((t) => t.startsWith(w.gentle)).length, 1, "one gentle line with 988");
    const claims = words(shown).filter((t) => w.claim.test(t));
    assert.deepEqual(claims, [], "nothing says the person told us something they did not");
    await screenshot(page, `result-prefer-not-to-say-${lang}-phone`);
    await context.close();
  });
}

// Once shown, the crisis help stays: someone who changes a yes to no may still need it.
test("changing the disclosure to 'no' from the review screen keeps the crisis help on the result", async () => {
  const { context, page } = await resultFor("en", { ...SEED_ELIGIBLE, self_harm_thoughts: "yes" });
  let shown = await press(page, "review", { touch: true });
  shown = await press(page, "change:self_harm_thoughts", { touch: true });
  assert.equal(shown.question.id, "self_harm_thoughts");
  shown = await press(page, "option:no", { touch: true });
  shown = await answerAll(page, SEED_ELIGIBLE, { touch: true });
  shown = await press(page, "see_result", { touch: true });
  assert.equal(shown.verdict, "likely_eligible");
  assert.equal(has(shown, WORDS.en.crisis), true);
  assert.ok(shown.buttons.some((b) => b.id === "call988"));
  await context.close();
});

test("the study's web page opens from the result by the person's tap, in a new tab; a kiosk offers no link", async () => {
  for (const kiosk of [false, true]) {
    const context = await site.browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${site.server.url}/?lang=en${kiosk ? "&mode=kiosk" : ""}`);
    await waitForScreen(page, "welcome");
    await page.evaluate(() => { window.__opened = []; window.trialmatch.openLink = (url) => window.__opened.push(url); });
    await press(page, "start", { touch: true });
    let shown = await answerAll(page, { ...SEED_ELIGIBLE, age: 70 }, { touch: true });
    shown = await press(page, "see_result", { touch: true });
    assert.ok(words(shown).includes("Web page: https://clinicaltrials.gov/study/NCT04979910"));
    if (kiosk) {
      assert.ok(!shown.buttons.some((b) => b.id.startsWith("contact:")), "a shared screen never leaves the app");
    } else {
      assert.deepEqual(await page.evaluate(() => window.__opened), [], "nothing opens by itself");
      shown = await press(page, "contact:web", { touch: true });
      assert.equal(shown.screen, "result", "the app stays where it was");
      assert.deepEqual(await page.evaluate(() => window.__opened), ["https://clinicaltrials.gov/study/NCT04979910"]);
    }
    await context.close();
  }
});
