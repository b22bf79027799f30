// The format and the interface agree on languages: a study in English only shows no language
// switch and no Spanish, whatever the browser asks for; a study in a language the interface
// cannot show is refused on the error screen, not shown half in English.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { siteAndBrowser, waitForScreen, press } from "./support.mjs";

// The format document's example, with only the languages kept in `keep` (renamed by `rename`).
function exampleIn(keep, rename = {}) {
  const strip = (v) => {
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === "object") {
      const keys = Object.keys(v);
      if (keys.length && keys.every((k) => k === "en" || k === "es"))
        return Object.fromEntries(keep.map((k) => [rename[k] || k, v[k]]));
      return Object.fromEntries(keys.map((k) => [k, strip(v[k])]));
    }
    return v;
  };
  const trial = strip(JSON.parse(fs.readFileSync("tests/data/trials/docs-example.json", "utf8")));
  trial.languages = keep.map((k) => rename[k] || k);
  return JSON.stringify(trial);
}

const site = siteAndBrowser({
  "/trials/english-only.json": exampleIn(["en"]),
  "/trials/french-only.json": exampleIn(["en"], { en: "fr" }),
});

test("a study in English only: no language switch, and nothing in Spanish even when asked for", async () => {
  const page = await site.browser.newPage();
  await page.goto(`${site.server.url}/?lang=es&trial=trials/english-only.json`);
  let shown = await waitForScreen(page, "welcome");
  assert.equal(shown.lang, "en");
  assert.ok(!shown.buttons.some((b) => b.id === "lang"), "no switch to a language the study does not have");
  assert.equal(shown.buttons.find((b) => b.id === "start").label, "Start");
  shown = await press(page, "start");
  assert.equal(shown.question.text, "How old are you?");
  assert.ok(!shown.buttons.some((b) => b.id === "lang"));
  assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
  await page.close();
});

test("the seed study (English and Spanish) still switches both ways", async () => {
  const page = await site.browser.newPage();
  await page.goto(`${site.server.url}/?lang=en`);
  let shown = await waitForScreen(page, "welcome");
  assert.equal(shown.buttons.find((b) => b.id === "lang").label, "Español");
  shown = await press(page, "lang");
  assert.equal(shown.lang, "es");
  assert.equal(shown.buttons.find((b) => b.id === "lang").label, "English");
  await page.close();
});

test("a study only in a language the interface cannot show is refused, not shown in a mix", async () => {
  const page = await site.browser.newPage();
  await page.goto(`${site.server.url}/?trial=trials/french-only.json`);
  const shown = await waitForScreen(page, "error");
  assert.ok(shown.errors.some((e) => e.includes("languages this app cannot show")), JSON.stringify(shown.errors));
  await page.close();
});
