// The whole patient journey through the seed study, as a person does it: tapping and
// clicking the canvas, in English and Spanish, on a phone and a kiosk screen.
import { test } from "node:test";
import assert from "node:assert/strict";
import { siteAndBrowser, waitForScreen, screenshot, press, answerAll, settled, enterNumber, words } from "./support.mjs";
import { SEED_ELIGIBLE } from "./seed_answers.mjs";

const site = siteAndBrowser();

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true, isMobile: true };
const KIOSK = { viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 };

const ELIGIBLE = SEED_ELIGIBLE;

async function open(options, lang = "en") {
  const context = await site.browser.newContext(options);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${site.server.url}/?lang=${lang}`);
  await waitForScreen(page, "welcome");
  return { context, page, errors };
}

test("likely eligible, by finger on a phone, in English", async () => {
  const { context, page, errors } = await open(PHONE);
  await screenshot(page, "welcome-en-phone");
  let shown = await press(page, "start", { touch: true });
  assert.equal(shown.question.id, "age");
  assert.equal(shown.progress.step, 1);
  assert.equal(shown.progress.text, `Question 1 of about ${shown.progress.total}`, "the progress the person reads");
  assert.ok(words(shown).includes(shown.progress.text));
  await screenshot(page, "question-age-en-phone");
  shown = await answerAll(page, ELIGIBLE, { touch: true });
  assert.equal(shown.screen, "review");
  assert.equal(Object.keys(shown.answers).length, 16);
  assert.equal(shown.answers.age, "34 years");
  await screenshot(page, "review-en-phone");
  shown = await press(page, "see_result", { touch: true });
  assert.equal(shown.verdict, "likely_eligible");
  assert.ok(words(shown).includes("You may be a good fit for this study"));
  assert.ok(words(shown).some((t) => t.includes("CRP")), "the blood test is listed as a study-team check");
  assert.ok(words(shown).some((t) => t.includes("160 mg")), "the doses from the trial file are shown");
  await screenshot(page, "result-likely-en-phone");
  assert.deepEqual(errors, []);
  await context.close();
});

test("not eligible stops right after the answer that rules it out (Spanish, kiosk)", async () => {
  const { context, page } = await open(KIOSK, "es");
  await screenshot(page, "welcome-es-kiosk");
  await press(page, "start");
  let shown = await enterNumber(page, 17);
  assert.equal(shown.screen, "review", "no more questions after age 17");
  assert.deepEqual(Object.keys(shown.answers), ["age"]);
  shown = await press(page, "see_result");
  assert.equal(shown.verdict, "not_eligible");
  assert.ok(words(shown).includes("Este estudio no es para usted en este momento"));
  assert.ok(words(shown).some((t) => t.includes("18 a 65")));
  await screenshot(page, "result-not-eligible-es-kiosk");
  await context.close();
});

test("needs review when a self-report proxy says no (kiosk, English)", async () => {
  const { context, page } = await open(KIOSK);
  await press(page, "start");
  await screenshot(page, "question-age-en-kiosk");
  let shown = await answerAll(page, { ...ELIGIBLE, treatments_tried: "none_or_one", mri_concerns: undefined });
  assert.equal(shown.question.id, "mri_concerns");
  await press(page, "option:closed_spaces");
  shown = await press(page, "option:metal_in_body");
  assert.deepEqual(shown.buttons.filter((b) => b.pressed).map((b) => b.id), ["option:metal_in_body", "option:closed_spaces"]);
  await screenshot(page, "question-multiple-en-kiosk");
  shown = await press(page, "option:none");
  assert.deepEqual(shown.buttons.filter((b) => b.pressed).map((b) => b.id), ["option:none"], "None of these clears the others");
  shown = await press(page, "option:closed_spaces");
  shown = await press(page, "continue");
  shown = await answerAll(page, ELIGIBLE);
  shown = await press(page, "see_result");
  assert.equal(shown.verdict, "needs_review");
  assert.ok(words(shown).includes("Let's talk it over"));
  assert.ok(words(shown).some((t) => t.includes("at least 2 treatments")));
  await screenshot(page, "result-needs-review-en-kiosk");
  await context.close();
});

test("a yes to thoughts of self-harm shows the support screen at once, then goes on", async () => {
  for (const [lang, options, device] of [["en", PHONE, "phone"], ["es", KIOSK, "kiosk"]]) {
    const { context, page } = await open(options, lang);
    const touch = device === "phone";
    await press(page, "start", { touch });
    await enterNumber(page, 40, { touch });
    await press(page, "option:yes", { touch });  // can come to the visits
    await press(page, "option:yes", { touch });
    await press(page, "option:yes", { touch });
    const shown = await press(page, "option:yes", { touch });  // self_harm_thoughts
    assert.equal(shown.screen, "support");
    const all = words(shown).join(" ");
    assert.match(all, /988/);
    assert.match(all, lang === "es" ? /Gracias por decírnoslo/ : /Thank you for telling us/);
    assert.match(all, /741741/);
    assert.match(all, /911/);
    if (lang === "es") {
      assert.match(all, /AYUDA en un mensaje de texto al 741741/, "Crisis Text Line in Spanish is AYUDA to 741741");
      assert.match(all, /WhatsApp al 442-AYUDAME/);
      assert.match(all, /marque 2/);
      assert.doesNotMatch(all, /HOME/, "HOME reaches the English service");
    } else {
      assert.match(all, /text HOME to 741741/);
      assert.match(all, /text AYUDA to 988/);
    }
    await screenshot(page, `support-${lang}-${device}`);
    // "Call 988" and "Text 988" open the phone's dialer and messages app.
    await page.evaluate(() => { window.openedLinks = []; window.trialmatch.openLink = (u) => window.openedLinks.push(u); });
    await press(page, "call988", { touch });
    await press(page, "text988", { touch });
    assert.deepEqual(await page.evaluate(() => window.openedLinks),
                     ["tel:988", lang === "es" ? "sms:988?&body=AYUDA" : "sms:988"]);
    const next = await press(page, "support_continue", { touch });
    assert.equal(next.screen, "question");
    assert.equal(next.question.id, "recent_suicide_attempt");
    await context.close();
  }
});

test("'Need help now?' opens the support screen from any question", async () => {
  const { context, page } = await open(PHONE);
  await press(page, "start", { touch: true });
  let shown = await press(page, "help", { touch: true });
  assert.equal(shown.screen, "support");
  assert.ok(!words(shown).some((t) => /thank you for telling us/i.test(t)), "nobody told us anything");
  shown = await press(page, "support_continue", { touch: true });
  assert.equal(shown.screen, "question");
  assert.equal(shown.question.id, "age");
  await context.close();
});

test("Back changes an earlier answer and the result follows it", async () => {
  const { context, page } = await open(KIOSK);
  await press(page, "start");
  await enterNumber(page, 30);
  let shown = await press(page, "option:yes");  // can_attend_visits
  assert.equal(shown.question.id, "diagnosed_depression");
  shown = await press(page, "back");
  assert.equal(shown.question.id, "can_attend_visits");
  assert.equal(shown.question.answer, "Yes");
  shown = await press(page, "back");
  assert.equal(shown.question.id, "age");
  shown = await enterNumber(page, 75);  // change the age: now ruled out
  assert.equal(shown.screen, "review");
  shown = await press(page, "see_result");
  assert.equal(shown.verdict, "not_eligible");
  // Change it back from the review screen: the questions resume where they left off.
  shown = await press(page, "back");
  assert.equal(shown.screen, "review");
  shown = await press(page, "change:age");
  assert.equal(shown.question.entry, "75", "the earlier answer is shown");
  for (const key of ["key:4", "key:5"]) shown = await press(page, key);
  assert.equal(shown.question.entry, "45", "typing replaces the earlier answer");
  shown = await press(page, "continue");
  assert.equal(shown.screen, "question");
  assert.equal(shown.question.id, "diagnosed_depression", "can_attend_visits keeps its answer");
  shown = await answerAll(page, ELIGIBLE);
  shown = await press(page, "see_result");
  assert.equal(shown.verdict, "likely_eligible");
  await context.close();
});

test("switching language keeps every answer", async () => {
  const { context, page } = await open(PHONE);
  await press(page, "start", { touch: true });
  await enterNumber(page, 52, { touch: true });
  await press(page, "option:yes", { touch: true });
  await press(page, "option:yes", { touch: true });
  let shown = await press(page, "lang", { touch: true });
  assert.equal(shown.lang, "es");
  assert.equal(shown.question.id, "depressed_now");
  assert.equal(shown.question.text, "¿Está pasando por un período de depresión en este momento?");
  assert.deepEqual(shown.answers, { age: "52 años", can_attend_visits: "Sí", diagnosed_depression: "Sí" });
  await screenshot(page, "question-es-phone");
  shown = await press(page, "lang", { touch: true });
  assert.deepEqual(shown.answers, { age: "52 years", can_attend_visits: "Yes", diagnosed_depression: "Yes" });
  await context.close();
});

test("Start over wipes every answer", async () => {
  const { context, page } = await open(KIOSK);
  await press(page, "start");
  await enterNumber(page, 17);
  let shown = await press(page, "see_result");
  shown = await press(page, "start_over");
  assert.equal(shown.screen, "welcome");
  assert.deepEqual(shown.answers, {});
  shown = await press(page, "start");
  assert.equal(shown.question.id, "age");
  assert.equal(shown.question.answer, null);
  await context.close();
});

test("keyboard: number keys type the age and pick options; Escape goes back", async () => {
  const { context, page } = await open(KIOSK);
  await press(page, "start");
  await page.keyboard.type("29");
  let shown = await settled(page);
  assert.equal(shown.question.entry, "29");
  shown = await press(page, "continue");
  assert.equal(shown.question.id, "can_attend_visits");
  await page.keyboard.press("1");  // the first option: Yes
  shown = await settled(page);
  assert.equal(shown.question.id, "diagnosed_depression");
  assert.equal(shown.answers.can_attend_visits, "Yes");
  await page.keyboard.press("Escape");
  shown = await settled(page);
  assert.equal(shown.question.id, "can_attend_visits");
  await context.close();
});

test("an age outside the question's range is refused kindly", async () => {
  const { context, page } = await open(PHONE);
  await press(page, "start", { touch: true });
  const shown = await enterNumber(page, 150, { touch: true });
  assert.equal(shown.screen, "question");
  assert.equal(shown.question.message, "Please enter a number from 0 to 120.");
  await context.close();
});

test("keyboard only: Tab moves a visible focus, Enter presses, Shift+Tab goes back", async () => {
  const { context, page } = await open(KIOSK);
  const focusOn = async (id) => {
    for (let i = 0; i < 40; i++) {
      const shown = await settled(page);
      if (shown.focus === id) return shown;
      await page.keyboard.press("Tab");
    }
    throw new Error(`Tab never reached ${id}`);
  };
  await focusOn("start");
  await page.keyboard.press("Enter");
  let shown = await settled(page);
  assert.equal(shown.question.id, "age");
  assert.equal(shown.focus, "", "a new screen starts with no focus ring");
  await page.keyboard.type("41");
  await focusOn("continue");
  await page.keyboard.press("Enter");
  shown = await settled(page);
  assert.equal(shown.question.id, "can_attend_visits");
  await focusOn("option:no");
  await page.keyboard.press("Shift+Tab");
  shown = await settled(page);
  assert.equal(shown.focus, "option:yes");
  await screenshot(page, "keyboard-focus-en-kiosk");
  await page.keyboard.press("Space");
  shown = await settled(page);
  assert.equal(shown.answers.can_attend_visits, "Yes");
  await context.close();
});
