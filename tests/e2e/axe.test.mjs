// Automated accessibility audit: axe-core (npm) on every screen, in both languages, with no
// serious or critical violations.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { siteAndBrowser, waitForScreen, settled, press, enterNumber, answerAll } from "./support.mjs";
import { SEED_ELIGIBLE } from "./seed_answers.mjs";

const site = siteAndBrowser();
const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

async function audit(page, label) {
  await settled(page);
  await page.evaluate(() => window.trialmatch.updateMirror());
  if (!(await page.evaluate(() => typeof window.axe !== "undefined"))) await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa", "best-practice"] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
  });
  const bad = result.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(bad, [], `${label}: ${JSON.stringify(bad)}`);
}

for (const lang of ["en", "es"]) {
  test(`every screen passes axe-core (${lang})`, async () => {
    // The audit script is added by the test, so this context alone lets it past the page's CSP.
    const context = await site.browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/?lang=${lang}`);
    await waitForScreen(page, "welcome");
    await audit(page, "welcome");
    await press(page, "start");
    await audit(page, "number question");
    await enterNumber(page, 40);
    await audit(page, "yes/no question");
    await answerAll(page, { ...SEED_ELIGIBLE, mri_concerns: undefined });
    await audit(page, "multiple-choice question");
    await answerAll(page, { mri_concerns: ["none"] });
    await audit(page, "review");
    await press(page, "see_result");
    await audit(page, "result");
    await press(page, "help");
    await audit(page, "support");
    await page.goto(`${site.server.url}/?lang=${lang}&trial=trials/missing.json`);
    await waitForScreen(page, "error");
    await audit(page, "error");
    await context.close();
  });
}
