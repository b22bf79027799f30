// The next step is always in sight: on every screen of a person's way through the seed study
// and the catalog, at the smallest phone and at a kiosk, in English and Spanish, with text at
// 100%, 150% and 200%, the screen's actions (Start, Continue, the unknown answer a question
// offers, See my results, Start over...) and "Need help now?" are on screen without
// scrolling, no word is broken across lines, and nothing drawn overlaps anything else.
import { test } from "node:test";
import assert from "node:assert/strict";
import { siteAndBrowser, waitForScreen, settled, press, screenshot } from "./support.mjs";
import { SEED_ELIGIBLE } from "./seed_answers.mjs";

const site = siteAndBrowser();
const SMALL_PHONE = { viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true };
const KIOSK = { viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1, hasTouch: true };

// What must be in view on each screen, by button id.
function actionsOf(shown) {
  const ids = shown.buttons.map((b) => b.id);
  const wanted = {
    welcome: ["start"], review: ["see_result"], result: ["start_over"], results: ["start_over"],
    support: ["support_continue"], result_code: ["start_over"], share_confirm: ["share_again", "share_cancel"],
    zip: ["continue", ...(shown.buttons.some((b) => b.id === "skip_zip") ? ["skip_zip"] : [])],
  }[shown.screen] ?? [];
  if (shown.screen === "question") {
    wanted.push(...ids.filter((id) => id === "option:not_sure" || id === "option:prefer_not_to_say"));
    if (ids.includes("continue")) wanted.push("continue");
  }
  if (ids.includes("help")) wanted.push("help");
  return wanted;
}

const overlap = (a, b) =>
  Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 1 && Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > 1;

// The problems a person would notice on the screen now shown, as sentences.
function problemsOf(shown, where) {
  const problems = [];
  for (const id of actionsOf(shown)) {
    const b = shown.buttons.find((x) => x.id === id);
    if (!b) problems.push(`${where}: no "${id}"`);
    else if (!b.visible) problems.push(`${where}: "${id}" is not in view (y ${Math.round(b.y)})`);
  }
  for (const word of shown.broken_words) problems.push(`${where}: "${word}" is broken across lines`);
  const drawn = [...shown.texts.filter((t) => t.w > 0 && t.h > 0 && t.visible).map((t) => ({ ...t, name: t.text })),
                 ...shown.buttons.filter((b) => b.visible).map((b) => ({ ...b, name: b.id }))];
  for (let i = 0; i < drawn.length; i++)
    for (let j = i + 1; j < drawn.length; j++)
      if (overlap(drawn[i], drawn[j]))
        problems.push(`${where}: "${drawn[i].name.slice(0, 40)}" overlaps "${drawn[j].name.slice(0, 40)}"`);
  return problems;
}

async function setTextSize(page, percent) {
  let shown = await settled(page);
  for (let i = 0; i < 8 && shown.text_size !== percent; i++) shown = await press(page, "text_size", { touch: true });
  assert.equal(shown.text_size, percent);
  // A new text size keeps the page where it was: start each check from the top.
  await page.mouse.wheel(0, -100000);
  return settled(page);
}

// Walks the seed study: welcome, every kind of question, the review, a result, its QR code;
// and the support screen after a disclosure.
async function seedScreens(page, check) {
  let shown = await waitForScreen(page, "welcome");
  await check(shown);
  shown = await press(page, "start", { touch: true });
  const answers = { ...SEED_ELIGIBLE, self_harm_thoughts: "yes" };
  while (shown.screen === "question" || shown.screen === "support") {
    await check(shown);
    if (shown.screen === "support") { shown = await press(page, "support_continue", { touch: true }); continue; }
    const a = answers[shown.question.id];
    if (typeof a === "number") {
      for (const digit of String(a)) await press(page, `key:${digit}`, { touch: true });
      shown = await press(page, "continue", { touch: true });
    } else if (Array.isArray(a)) {
      for (const option of a) await press(page, `option:${option}`, { touch: true });
      shown = await press(page, "continue", { touch: true });
    } else shown = await press(page, `option:${a}`, { touch: true });
  }
  assert.equal(shown.screen, "review");
  await check(shown);
  shown = await press(page, "see_result", { touch: true });
  await check(shown);
  shown = await press(page, "show_code", { touch: true });
  await check(shown);
}

async function catalogScreens(page, check) {
  let shown = await waitForScreen(page, "welcome");
  await check(shown);
  shown = await press(page, "start", { touch: true });
  assert.equal(shown.screen, "zip");
  await check(shown);
  shown = await press(page, "skip_zip", { touch: true });
  while (shown.screen === "question" || shown.screen === "support") {
    await check(shown);
    if (shown.screen === "support") { shown = await press(page, "support_continue", { touch: true }); continue; }
    const q = shown.question;
    const ids = shown.buttons.map((b) => b.id);
    if (q.type === "number") {
      for (const digit of "40") await press(page, `key:${digit}`, { touch: true });
      shown = await press(page, "continue", { touch: true });
    } else if (q.type === "multiple") {
      await press(page, "option:none", { touch: true });
      shown = await press(page, "continue", { touch: true });
    } else shown = await press(page, ids.includes("option:yes") ? "option:yes" : ids.find((b) => b.startsWith("option:")), { touch: true });
  }
  await check(shown);
  shown = await press(page, "see_result", { touch: true });
  await check(shown);
  shown = await press(page, `study:${shown.results[0].study}`, { touch: true });
  await check(shown);
}

for (const [device, options] of [["phone", SMALL_PHONE], ["kiosk", KIOSK]]) {
  for (const lang of ["en", "es"]) {
    test(`every screen keeps its next step in view, breaks no word and overlaps nothing (${device}, ${lang})`, async () => {
      const problems = [];
      for (const [name, query, walk] of [["seed", "", seedScreens], ["catalog", "catalog=catalogs/depression.json&", catalogScreens]]) {
        // One page for the three text sizes: after each walk, "Start over" brings the welcome
        // screen back (a page load costs more than the walk's screens).
        const context = await site.browser.newContext(options);
        const page = await context.newPage();
        await page.goto(`${site.server.url}/?${query}lang=${lang}`);
        await waitForScreen(page, "welcome");
        for (const percent of [100, 150, 200]) {
          if (percent !== 100) assert.equal((await press(page, "start_over", { touch: true })).screen, "welcome");
          await setTextSize(page, percent);
          const seen = new Set();
          await walk(page, async (shown) => {
            const where = `${name} ${shown.screen}${shown.question ? " " + shown.question.id : ""} at ${percent}%`;
            const found = problemsOf(shown, where);
            if (found.length && !seen.has(shown.screen)) {
              seen.add(shown.screen);
              await screenshot(page, `layout-${name}-${device}-${lang}-${percent}-${shown.screen}`);
            }
            problems.push(...found);
          });
        }
        await context.close();
      }
      assert.deepEqual(problems, []);
    });
  }
}
