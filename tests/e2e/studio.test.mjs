// The studio (studio.html) as a study coordinator uses it at a desktop: open a file from
// their own disk, edit texts by typing (accents and Spanish punctuation included), watch the
// patient app's own screens follow in the preview, see a check flag a broken rule at its
// place and clear once it is fixed, undo and redo, and save a file that the command-line tool
// accepts and evaluates. Nothing is requested after the page has loaded.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { siteAndBrowser, ARTIFACTS_DIR } from "./support.mjs";

const site = siteAndBrowser();
const CLI = process.env.TRIALMATCH_CLI || path.resolve("build/native/app/cli/trialmatch");

async function openStudio(viewport = { width: 1280, height: 800 }, query = "") {
  const page = await site.browser.newPage({ viewport, acceptDownloads: true });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${site.server.url}/studio.html${query}`);
  await page.waitForFunction(() => typeof Module !== "undefined" && Module.calledRun &&
                             JSON.parse(UTF8ToString(Module._trialmatch_studio_describe())).frames >= 3, null, { timeout: 30000 });
  const loadedRequests = site.server.requests.length;
  return { page, errors, loadedRequests };
}

const describe = async (page) => JSON.parse(await page.evaluate(() => UTF8ToString(Module._trialmatch_studio_describe())));

// Waits until the checks and the preview have caught up with the last edit.
async function caughtUp(page) {
  await page.waitForFunction(() => JSON.parse(UTF8ToString(Module._trialmatch_studio_describe())).checked);
  return describe(page);
}

async function openFile(page, file) {
  const chooser = page.waitForEvent("filechooser");
  await clickPlaced(page, "toolbar:open");
  await (await chooser).setFiles(path.resolve(file));
  await page.waitForFunction((name) => JSON.parse(UTF8ToString(Module._trialmatch_studio_describe())).open, path.basename(file));
  return caughtUp(page);
}

// Clicks what the studio drew for `pointer` (a text field, or "outline:/questions/2").
async function clickPlaced(page, pointer) {
  const d = await describe(page);
  const placed = d.placed.find((p) => p.pointer === pointer);
  assert.ok(placed, `${pointer} is drawn (drawn: ${d.placed.map((p) => p.pointer).slice(0, 12).join(", ")}...)`);
  await page.mouse.click(placed.x, placed.y);
}

async function typeInto(page, pointer, keys) {
  await clickPlaced(page, pointer);
  await page.waitForFunction(() => document.activeElement?.id === "studio-text");
  await page.keyboard.press("End");
  await page.keyboard.type(keys);
  await page.keyboard.press("Escape");
}

async function save(page) {
  const download = page.waitForEvent("download");
  await page.keyboard.press("Control+s");
  const file = path.join(ARTIFACTS_DIR, (await download).suggestedFilename());
  await (await download).saveAs(file);
  return file;
}

test("the seed study opens, saves unedited to the same bytes, and the preview is the app's welcome screen", async () => {
  const { page, errors, loadedRequests } = await openStudio();
  const d = await openFile(page, "assets/trials/NCT04979910.json");
  assert.equal(d.kind, "trial");
  assert.equal(d.errors, 0);
  assert.equal(d.ready, true);
  assert.ok(d.paths > 100, `paths counted: ${d.paths}`);
  assert.equal(d.preview.screen, "welcome");
  assert.ok(d.preview.texts.some((t) => t.text === "Ixekizumab for Treatment-Resistant Depression"));
  const file = await save(page);
  assert.equal(fs.readFileSync(file, "utf8"), fs.readFileSync("assets/trials/NCT04979910.json", "utf8"));
  assert.equal(site.server.requests.length, loadedRequests, "nothing was requested after the page loaded");
  assert.deepEqual(errors, []);
  await page.close();
});

test("typing with accents changes the file and the preview; undo and redo take it back and forth", async () => {
  const { page, errors, loadedRequests } = await openStudio();
  await openFile(page, "assets/trials/NCT04979910.json");
  await typeInto(page, "/trial/title/es", " ¿sí? ñandú ü");
  let d = await caughtUp(page);
  assert.equal(d.unsaved, true);
  await page.click("canvas", { position: { x: 1060, y: 780 } });  // nothing there but the preview's page
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, "studio-typed-1280.png") });
  // The preview in Spanish shows the typed title, as the app would.
  await clickPlaced(page, "preview:language");
  await page.waitForFunction(() => JSON.parse(UTF8ToString(Module._trialmatch_studio_describe())).preview?.texts
    ?.some((t) => t.text.endsWith("¿sí? ñandú ü")));
  await page.keyboard.press("Control+z");
  d = await caughtUp(page);
  await page.waitForFunction(() => !JSON.parse(UTF8ToString(Module._trialmatch_studio_describe())).preview?.texts
    ?.some((t) => t.text.includes("ñandú")));
  assert.equal(d.unsaved, false, "undone back to the file as opened");
  await page.keyboard.press("Control+Shift+z");
  d = await caughtUp(page);
  assert.equal(d.unsaved, true);
  const file = await save(page);
  const saved = JSON.parse(fs.readFileSync(file, "utf8"));
  assert.equal(saved.trial.title.es, "Ixekizumab para la depresión resistente al tratamiento ¿sí? ñandú ü");
  assert.match(execFileSync(CLI, ["validate", file], { encoding: "utf8" }), /valid/);
  assert.equal((await describe(page)).unsaved, false);
  assert.equal(site.server.requests.length, loadedRequests, "nothing was requested after the page loaded");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a broken rule is flagged at its place, and fixing it clears the check; the saved file evaluates", async () => {
  const { page, errors } = await openStudio({ width: 1920, height: 1080 });
  await openFile(page, "assets/trials/NCT04979910.json");
  await clickPlaced(page, "outline:/criteria/0");
  await page.waitForFunction(() => JSON.parse(UTF8ToString(Module._trialmatch_studio_describe())).selected === "/criteria/0");
  await typeInto(page, "/criteria/0/rule", " and");
  let d = await caughtUp(page);
  assert.ok(d.errors > 0);
  assert.ok(d.findings.some((f) => f.kind === "error" && f.pointer === "/criteria/0/rule"), JSON.stringify(d.findings.slice(0, 3)));
  assert.equal(d.paths, null, "no paths while the file does not load");
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, "studio-flagged-1920.png") });
  await clickPlaced(page, "/criteria/0/rule");
  await page.waitForFunction(() => document.activeElement?.id === "studio-text");
  await page.keyboard.press("End");
  for (let i = 0; i < 4; ++i) await page.keyboard.press("Backspace");
  await page.keyboard.press("Escape");
  d = await caughtUp(page);
  assert.equal(d.errors, 0, JSON.stringify(d.findings.filter((f) => f.kind === "error")));
  const file = await save(page);
  const report = JSON.parse(execFileSync(CLI, ["evaluate", file, "tests/data/answers/seed-likely-eligible.json"], { encoding: "utf8" }));
  assert.equal(report.verdict, "likely_eligible");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a ClinicalTrials.gov record opens as a draft: its criteria are to-dos and the file saves only as a draft", async () => {
  const { page, errors, loadedRequests } = await openStudio({ width: 1280, height: 800 }, "?lang=es");
  const d = await openFile(page, "tests/data/ctgov/recruiting-study.json");
  assert.equal(d.file, "NCT09990001.json");
  assert.ok(d.to_dos > 0);
  assert.equal(d.ready, false);
  assert.equal(d.unsaved, true, "a drafted study exists nowhere yet");
  assert.equal(d.preview.screen, "error", "the app refuses a study with drafts, and the preview shows it");
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, "studio-draft-es-1280.png") });
  const file = await save(page);
  assert.match(execFileSync(CLI, ["validate", file], { encoding: "utf8" }), /draft criteria/);
  assert.equal(site.server.requests.length, loadedRequests, "nothing was requested after the page loaded");
  assert.deepEqual(errors, []);
  await page.close();
});
