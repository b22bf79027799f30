// Bad and hostile trial files fail safely in the browser: an empty, huge, endless,
// truncated, non-JSON, wrong-version or crafted file shows the error screen (in the app and
// in the accessibility mirror) with a located, shortened message; never a blank canvas, a
// frozen "Loading", or a page error. The limits are in app/core/input_limits.h.
import { test } from "node:test";
import fs from "node:fs";
import assert from "node:assert/strict";
import { siteAndBrowser, waitForScreen, screenshot } from "./support.mjs";

const MAX_FILE_BYTES = 1024 * 1024;  // limits::kMaxFileBytes
const docsExample = fs.readFileSync("tests/data/trials/docs-example.json", "utf8");
const megabyteKey = "k".repeat(1000000);

// Sends 64 KB chunks without a Content-Length, for ever (up to 1 GB), until the page
// stops reading; `endlessSent` counts what went out, `endlessClosed` what had gone out when
// the connection closed (null while it is open).
const ENDLESS_BYTES = 1024 * MAX_FILE_BYTES;
let endlessSent = 0;
let endlessClosed = null;
function endless(req, res) {
  res.on("close", () => { endlessClosed = endlessSent; });
  res.writeHead(200, { "content-type": "application/json" });
  const chunk = Buffer.alloc(64 * 1024, " ");
  const more = () => {
    while (!res.destroyed && endlessSent < ENDLESS_BYTES) {
      endlessSent += chunk.length;
      if (!res.write(chunk)) return res.once("drain", more);
    }
    res.end();
  };
  res.write("{");
  more();
}

const site = siteAndBrowser({
  "/trials/empty.json": "",
  "/trials/huge.json": "[" + "0,".repeat(2 * MAX_FILE_BYTES) + "0]",
  "/trials/endless.json": endless,
  "/trials/truncated.json": docsExample.slice(0, Math.floor(docsExample.length / 2)),
  "/trials/not-json.json": "<!doctype html><title>Not found</title>",
  "/trials/wrong-version.json": docsExample.replace('"trialmatch/1"', '"trialmatch/2"'),
  "/trials/megabyte-key.json": `{"format": "trialmatch/1",\n "${megabyteKey}": 1}`,
  "/trials/deep.json": "[".repeat(100000) + "]".repeat(100000),
  "/trials/many-values.json": "[" + "0,".repeat(60000) + "0]",
  "/trials/nul.json": docsExample.replace('"languages"', '\u0000"languages"'),
  "/trials/many-problems.json": docsExample.replace("{", "{" + Array.from({ length: 300 }, (_, i) => `"x${i}": 1,`).join("\n")),
});

// [file, what the first problem says, its line:column (null: the whole file)]
const CASES = [
  ["empty", /not valid JSON.*unexpected end of input/, "1:1"],
  ["huge", /file is too big: at most 1048576 bytes/, null],
  ["endless", /file is too big: at most 1048576 bytes/, null],
  ["truncated", /not valid JSON/, `${docsExample.slice(0, Math.floor(docsExample.length / 2)).split("\n").length}:`],
  ["not-json", /not valid JSON/, "1:1"],
  ["wrong-version", /unsupported format "trialmatch\/2"/, "2:13"],
  ["megabyte-key", /field name is too long: 1000000 bytes, and at most 128/, "2:2"],
  ["deep", /nested too deeply \(more than 20 levels\)/, "1:21"],
  ["many-values", /too many values \(more than 50000/, null],
  ["nul", /not valid JSON/, "3:3"],
  ["many-problems", /unknown field "x0"/, "1:"],
];

for (const [name, message, where] of CASES) {
  test(`a ${name} trial file shows the error screen with a located, short message`, async () => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    const problems = [];
    page.on("pageerror", (e) => problems.push(String(e)));
    page.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
    await page.goto(`${site.server.url}/?trial=trials/${name}.json&lang=en`);
    const shown = await waitForScreen(page, "error", 30000);
    const first = shown.errors[0];
    assert.match(first, message, JSON.stringify(shown.errors).slice(0, 2000));
    if (where) assert.ok(first.startsWith(`trials/${name}.json:${where}`), `located at ${where}: ${first}`);
    for (const e of shown.errors) assert.ok(e.length <= 400, `a message is at most 400 characters: ${e.slice(0, 500)}`);
    assert.ok(!first.includes("k".repeat(100)), "a long key is not repeated whole");
    // The accessibility mirror shows the same error screen, with the same short message.
    await page.waitForFunction(() => document.querySelector("#a11y h1")?.textContent === "We could not open this study");
    const mirrored = await page.locator("#a11y").innerText();
    assert.ok(mirrored.includes(first.slice(0, 60)), "the mirror shows the problem");
    assert.ok(mirrored.length < 20000, "the mirror holds no megabyte of text");
    if (name === "endless") {
      // The app stops at 1 MB and cancels the download; the browser's network stack may have
      // read ahead meanwhile (more on a busy machine), but the connection closes long before
      // the server would have sent it all.
      for (let i = 0; i < 100 && endlessClosed === null; i++) await new Promise((r) => setTimeout(r, 100));
      assert.ok(endlessClosed !== null && endlessClosed < ENDLESS_BYTES / 4,
                `the page stopped the download (${endlessClosed ?? endlessSent} bytes sent, closed: ${endlessClosed !== null})`);
    }
    if (name === "many-problems") {
      assert.equal(shown.errors.length, 101, "at most 100 problems, and a count of the rest");
      assert.match(shown.errors[100], /and \d+ more problems \(only the first 100 are listed\)/);
    }
    await screenshot(page, `error-${name}-file`);
    assert.deepEqual(problems, []);
    await page.close();
  });
}
