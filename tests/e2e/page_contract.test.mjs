// The page's scripts and the app agree on what each offers the other (build-scripts/
// check_exports.py checks it at build time). A deployment that serves an old or broken
// script anyway gets no half-working app: the page names what is missing, in the console,
// and the person is told plainly, with no study opened.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launchBrowser, waitForScreen, words } from "./support.mjs";

let server, browser;
before(async () => {
  // print.js as an old deployment might have left it: it defines nothing.
  server = await serve(undefined, { "/print.js": "// an old copy\n" });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("a page whose scripts lack a function the app calls says so and opens no study", async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await page.goto(`${server.url}/?lang=es`);
  const shown = await waitForScreen(page, "error");
  assert.ok(words(shown).some((w) => w.startsWith("A esta página le faltan algunas de sus partes")), JSON.stringify(words(shown)));
  assert.ok(errors.some((e) => e.includes("do not define printSummary")), JSON.stringify(errors));
  assert.equal(shown.title, undefined, "no study is opened");
  await page.close();
});
