// The accessibility mirror: someone who cannot see the canvas completes the prescreen
// through the accessibility tree alone (role and name queries), in English and Spanish.
import { test } from "node:test";
import assert from "node:assert/strict";
import { siteAndBrowser, waitForScreen, settled } from "./support.mjs";

const site = siteAndBrowser();

const WORDS = {
  en: { start: "Start", yes: "Yes", no: "No", cont: "Continue", none: "None of these", two: "2 or more",
        result: "See my result", headline: "You may be a good fit for this study", age: "How old are you?" },
  es: { start: "Empezar", yes: "Sí", no: "No", cont: "Continuar", none: "Ninguna de estas", two: "2 o más",
        result: "Ver mi resultado", headline: "Puede que este estudio sea para usted", age: "¿Cuántos años tiene?" },
};

for (const lang of ["en", "es"]) {
  test(`complete the seed study with role and name queries only (${lang})`, async () => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${site.server.url}/?lang=${lang}`);
    await waitForScreen(page, "welcome");
    const w = WORDS[lang];
    // Activate the way a screen reader does: a click event on the element itself.
    const activate = async (name) => {
      const button = page.getByRole("button", { name, exact: true });
      await button.waitFor({ state: "attached" });
      await button.dispatchEvent("click");
      await settled(page);
    };
    assert.equal(await page.locator("canvas").getAttribute("aria-hidden"), "true");
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
    await activate(w.start);
    await page.getByRole("heading", { name: w.age }).waitFor({ state: "attached" });
    assert.match(await page.getByRole("status").textContent(), new RegExp(w.age.replace(/[?¿]/g, ".")));
    for (const digit of ["3", "8"]) await activate(digit);
    await activate(w.cont);
    const plan = [w.yes, w.yes, w.no, w.yes, w.yes, w.two, w.no, w.no, w.no, w.no, w.no];
    for (const answer of plan) await activate(answer);  // ... through "partner could become pregnant": no
    const noneButton = page.getByRole("button", { name: w.none, exact: true });
    await noneButton.dispatchEvent("click");
    await settled(page);
    assert.equal(await noneButton.getAttribute("aria-pressed"), "true", "a chosen option says so");
    await activate(w.cont);
    await activate(w.yes);  // can attend the visits
    await activate(w.result);
    await page.getByRole("heading", { name: w.headline }).waitFor({ state: "attached" });
    const shown = await settled(page);
    assert.equal(shown.verdict, "likely_eligible");
    await page.close();
  });
}

test("mirror buttons sit exactly over their drawn twins, so a pointer on one reaches the other", async () => {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${site.server.url}/?lang=en`);
  const shown = await waitForScreen(page, "welcome");
  await settled(page);
  const start = shown.buttons.find((b) => b.id === "start");
  const box = await page.getByRole("button", { name: "Start", exact: true }).boundingBox();
  assert.ok(Math.abs(box.x - start.x) < 1 && Math.abs(box.y - start.y) < 1 && Math.abs(box.width - start.w) < 1);
  // A real click at that place lands on the canvas (the mirror lets the pointer through).
  await page.getByRole("button", { name: "Start", exact: true }).click({ force: true });
  assert.equal((await settled(page)).screen, "question");
  await page.close();
});

test("focusing a mirror button draws the focus ring on it", async () => {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${site.server.url}/?lang=es`);
  await waitForScreen(page, "welcome");
  await settled(page);
  await page.getByRole("button", { name: "Empezar", exact: true }).focus();
  const shown = await settled(page);
  assert.equal(shown.focus, "start");
  await page.close();
});
