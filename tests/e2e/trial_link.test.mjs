// ?trial= opens only this site's own study files: the value is resolved as a URL, and
// must be on the same origin, directly in trials/, and end in .json. A refused value is
// never shown (a link's author could put any words there), and nothing is fetched for it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { serve, launchBrowser, waitForScreen, SITE_DIR, words } from "./support.mjs";

let app, other, browser;
const seed = () => fs.readFileSync(path.join(SITE_DIR, "trials/NCT04979910.json"), "utf8");

before(async () => {
  app = await serve();
  // Another origin (another port) that serves a perfectly valid study file.
  other = await serve(undefined, { "/trials/evil.json": seed(), "/evil.json": seed() });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app?.close();
  await other?.close();
});

const REFUSED = (host) => [
  `//${host}/trials/evil.json`,
  `\t//${host}/trials/evil.json`,
  `/\t/${host}/trials/evil.json`,
  `/\n/${host}/trials/evil.json`,
  `\\\\${host}\\trials\\evil.json`,
  `/\\${host}/trials/evil.json`,
  `http://${host}/trials/evil.json`,
  `http:${host}/trials/evil.json`,
  `http:/${host}/trials/evil.json`,
  `https:${host}/trials/evil.json`,
  `HTTP://${host}/evil.json`,
  `DATA:application/json,{"format":"trialmatch/1"}`,
  `data:application/json;base64,eyJmb3JtYXQiOiJ0cmlhbG1hdGNoLzEifQ==`,
  "java\nscript:alert(1)",
  "JaVaScRiPt:alert(1)//trials/x.json",
  "blob:null/0000-trials.json",
  "trials/../index.html",
  "trials/../../../etc/passwd.json",
  "../../secret.json",
  "trials/%2e%2e/boot.js",
  "trials/%2E%2E%2Fdeploy.json",
  "trials/..%2f..%2fsecret.json",
  "trials/sub/x.json",
  "trials/NCT04979910.js",
  "trials/.json",
  "trials/<img src=x onerror=alert(1)>.json",
  `trials/NCT04979910.json@${host}`,
  "Please call 555-0100 to claim your prize.json",
  // A name of a safe alphabet but too long to be a study file's (issue 24: one of 100,012
  // characters was fetched): refused before anything is fetched, and never shown. (8,000, as
  // the tests' server, like most, refuses a request line over 16 KB.)
  `trials/${"A".repeat(8000)}.json`,
  `trials/${"CallUs5550100".repeat(7)}.json`,
];

test("a ?trial= value that is not this site's own study file is refused and never shown", async () => {
  const host = new URL(other.url).host;
  for (const value of REFUSED(host)) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const requested = [];
    context.on("request", (r) => requested.push(r.url()));
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`${app.url}/?lang=en&trial=${encodeURIComponent(value)}`);
    const shown = await waitForScreen(page, "error");
    const label = JSON.stringify(value);
    assert.ok(words(shown).includes("This link does not open a study file from this website."), label);
    assert.equal(shown.file, "", `no file named for ${label}`);
    // Nothing of the value is on screen or in the page (the accessibility mirror).
    const onScreen = JSON.stringify([shown.heading, words(shown), shown.errors, shown.file]) +
      await page.evaluate(() => document.body.innerText);
    for (const piece of [value.trim(), host, "evil", "alert", "passwd", "secret", "555", "prize", "img", "%2"])
      if (value.includes(piece)) assert.ok(!onScreen.includes(piece), `"${piece}" of ${label} is not shown: ${onScreen}`);
    for (const url of requested) {
      assert.equal(new URL(url).origin, app.url, `only this site is asked for anything (${label}): ${url}`);
      assert.ok(!/evil|secret|passwd|\/etc\/|\/deploy\.json|prize|%3C/i.test(new URL(url).pathname), `nothing fetched for ${label}: ${url}`);
    }
    assert.deepEqual(errors, [], label);
    await context.close();
  }
  assert.deepEqual(other.requests, [], "the other site was never contacted");
});

test("this site's own study files open, however the link spells them", async () => {
  for (const value of ["trials/NCT04979910.json", "./trials/NCT04979910.json", "trials/./NCT04979910.json",
                       "/trials/NCT04979910.json", "trials/NCT04979910.json?v=2#top", `${app.url}/trials/NCT04979910.json`,
                       "trials/x/../NCT04979910.json"]) {
    const page = await browser.newPage();
    await page.goto(`${app.url}/?lang=en&trial=${encodeURIComponent(value)}`);
    const shown = await waitForScreen(page, "welcome");
    assert.match(shown.title, /Ixekizumab/, value);
    await page.close();
  }
  // A file of this site that is missing names itself, in its clean form.
  const page = await browser.newPage();
  await page.goto(`${app.url}/?lang=en&trial=${encodeURIComponent("./trials/missing.json?x=<b>")}`);
  const shown = await waitForScreen(page, "error");
  assert.equal(shown.file, "trials/missing.json");
  assert.ok(!JSON.stringify(shown).includes("<b>"));
  await page.close();
});
