// The studio without a mouse, and for a screen reader (DESIGN.md section 9): its accessibility
// mirror (web/studio-mirror.js) puts a real control over each one the studio draws, so that a
// coordinator can open a file, move through the outline, the fields, the menus, the checks,
// the paths and the preview with Tab, press with Enter, see where the focus is, and hear each
// control's name, role and state.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import path from "node:path";
import { siteAndBrowser, ARTIFACTS_DIR } from "./support.mjs";
import { studioHelpers } from "./studio_support.mjs";

const site = siteAndBrowser();
const { openStudio, describe, caughtUp, openFile, nextChooser } = studioHelpers(site);
const SEED = "assets/trials/NCT04979910.json";

// The control with the keyboard focus, as a screen reader has it, and where it lies.
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  if (!el || !document.getElementById("studio-mirror").contains(el) || el.tagName !== "BUTTON") {
    return { name: null, tag: el ? el.tagName : null, id: el ? el.id : null };
  }
  const r = el.getBoundingClientRect();
  return {
    name: el.textContent, key: el.dataset.key, role: el.getAttribute("role") || "button",
    checked: el.getAttribute("aria-checked"), selected: el.getAttribute("aria-selected"),
    expanded: el.getAttribute("aria-expanded"), current: el.getAttribute("aria-current"), pressed: el.getAttribute("aria-pressed"),
    region: el.closest("section").getAttribute("aria-label"), x: r.x, y: r.y, w: r.width, h: r.height,
  };
});

// Once the studio has drawn what the last key asked for.
const drawn = (page) => page.waitForFunction(() => Module._trialmatch_studio_pending_frames() === 0);

// Presses Tab (Shift+Tab) until the focused control's name passes `wanted`; fails after `most`.
// (The studio takes each focus as it comes; the frames it draws for them are waited for once, at
// the end, before the focused control's place is read.)
async function tabTo(page, wanted, { most = 150, back = false } = {}) {
  const seen = [];
  for (let i = 0; i < most; ++i) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    const f = await focused(page);
    seen.push(f.name);
    if (f.name !== null && wanted(f.name, f)) {
      await drawn(page);
      return focused(page);
    }
  }
  assert.fail(`Tab never reached the control (passed: ${seen.slice(-30).join(" | ")})`);
}

// Whether the focus ring shows: the pixels around the focused control change when it loses
// the focus.
async function ringShows(page) {
  const f = await focused(page);
  const clip = { x: Math.max(0, f.x - 6), y: Math.max(0, f.y - 6), width: f.w + 12, height: f.h + 12 };
  const withFocus = await page.screenshot({ clip });
  await page.evaluate(() => document.activeElement.blur());
  const without = await page.screenshot({ clip });
  await page.evaluate((key) => document.querySelector(`#studio-mirror [data-key="${key}"]`).focus(), f.key);
  return !withFocus.equals(without);
}

test("without a mouse: a file opens, a question is chosen, its text typed, and the preview answered, with the focus drawn", async () => {
  const { page, errors } = await openStudio();
  let f = await tabTo(page, (name) => name === "New study", { most: 1 });
  assert.equal(f.region, "Tools");
  assert.ok(await ringShows(page), "the focus ring is drawn around the focused button");
  // The file picker opens from Enter, as from a click.
  await tabTo(page, (name) => name === "Open a file", { most: 1 });
  const before = page.choosers.length;
  await page.keyboard.press("Enter");
  const chooser = await nextChooser(page, before);
  assert.ok(chooser, "Enter on \"Open a file\" opened the file picker");
  await chooser.setFiles(path.resolve(SEED));
  await page.waitForFunction(() => JSON.parse(UTF8ToString(Module._trialmatch_studio_describe())).open);
  let d = await caughtUp(page);
  // A screen reader hears the checks' counts once they are in, wherever the focus is.
  await page.waitForFunction(() => /^Problems: 0, To do: 0, Worth a look: \d+$/.test(
    document.querySelector("#studio-mirror [role=status]").textContent));
  // The outline's third question, chosen with Enter: the editor and the preview show it.
  assert.equal(d.kind, "trial");
  f = await tabTo(page, (name) => name.startsWith("3. "));
  assert.equal(f.region, "Outline of the file");
  assert.equal(f.current, null, "not yet the one shown");
  await page.keyboard.press("Enter");
  await drawn(page);
  d = await describe(page);
  assert.equal(d.selected, "/questions/2");
  assert.equal((await focused(page)).current, "true", "the row says it is the one shown");
  const asked = d.preview.question.id;
  // Its English text: Enter opens the page's text field, named as the field is; Escape ends
  // the typing and the focus is back on the field, which now reads what was typed.
  f = await tabTo(page, (name) => name.startsWith("Question, English: "));
  assert.equal(f.region, "Editor");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.id === "studio-text");
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute("aria-label")), "Question, English");
  await page.keyboard.press("End");
  await page.keyboard.type(" (asked by keyboard)");
  await page.keyboard.press("Escape");
  await drawn(page);
  const back = await focused(page);
  assert.equal(back.key, f.key, "the focus went back to the field");
  assert.ok(back.name.endsWith("(asked by keyboard)"), back.name);
  d = await caughtUp(page);
  await page.waitForFunction(() => JSON.parse(UTF8ToString(Module._trialmatch_studio_describe())).settled);
  d = await describe(page);
  assert.ok(d.preview.question.text.endsWith("(asked by keyboard)"), "the preview follows");
  // The preview's own buttons are in the mirror too: an answer pressed with Enter moves the
  // preview on to another question.
  f = await tabTo(page, (name, c) => c.region === "Preview: the app on a phone" && c.role === "button" &&
                        c.pressed !== null);
  await page.keyboard.press("Enter");
  await page.waitForFunction((id) => {
    const p = JSON.parse(UTF8ToString(Module._trialmatch_studio_describe())).preview;
    return p && p.question?.id !== id;
  }, asked);
  // The new question is announced, and the focus is on its heading, as in the app itself.
  await drawn(page);
  const next = (await describe(page)).preview;
  await page.waitForFunction((heading) => document.activeElement?.hasAttribute("data-anchor") &&
                             document.activeElement.textContent === heading, next.heading);
  assert.ok((await page.textContent("#studio-mirror [role=status]")).startsWith(next.heading), "the new question is said");
  // The preview draws no focus ring of its own once the focus is on none of its buttons.
  assert.equal((await describe(page)).preview.focus, "");
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, "studio-keyboard-1280.png") });
  assert.deepEqual(errors, []);
  await page.close();
});

test("every control the studio draws has its copy in the mirror, lying over it (1920x1080)", async () => {
  const { page } = await openStudio({ width: 1920, height: 1080 });
  await openFile(page, SEED);
  await drawn(page);
  const d = await describe(page);
  const missing = await page.evaluate((placed) => {
    const boxes = Array.from(document.querySelectorAll("#studio-mirror button")).map((b) => b.getBoundingClientRect());
    return placed.filter((p) => !p.pointer.startsWith("mark:"))
      .filter((p) => !boxes.some((r) => p.x >= r.left - 1 && p.x <= r.right + 1 && p.y >= r.top - 1 && p.y <= r.bottom + 1))
      .map((p) => p.pointer);
  }, d.placed);
  assert.ok(d.placed.length > 30, `${d.placed.length} controls drawn`);
  assert.deepEqual(missing, [], "drawn with no copy in the mirror over it");
  await page.close();
});

test("a menu opens from the keyboard; Down goes to its choices, Enter picks one, Escape closes it", async () => {
  const { page } = await openStudio();
  await openFile(page, SEED);
  // The study facts' page: each "Add a field" says what it adds to.
  let f = await tabTo(page, (name) => name === "Add a field: Study facts");
  assert.equal(f.expanded, "false");
  // Opened, then left with Tab past its choices: it closes (nothing under its list is reached
  // while it covers it), and nothing was added.
  await page.keyboard.press("Enter");
  await drawn(page);
  assert.equal(await page.getAttribute("#studio-mirror [role=listbox]", "aria-label"), "Add a field: Study facts");
  const choices = await page.$$eval("#studio-mirror [role=option]", (els) => els.length);
  for (let i = 0; i <= choices; ++i) await page.keyboard.press("Tab");
  await drawn(page);
  assert.equal(await page.$("#studio-mirror [role=listbox]"), null, "the menu closed");
  assert.equal((await describe(page)).unsaved, false);
  f = await tabTo(page, (name) => name === "Add a field: Study facts", { back: true });
  await page.keyboard.press("Enter");
  await drawn(page);
  assert.equal((await focused(page)).expanded, "true");
  await page.keyboard.press("ArrowDown");
  const choice = await focused(page);
  assert.equal(choice.role, "option");
  // Escape closes the menu, and nothing was added.
  await page.keyboard.press("Escape");
  await drawn(page);
  assert.equal((await describe(page)).unsaved, false);
  f = await focused(page);
  assert.equal(f.name, "Add a field: Study facts");
  assert.equal(f.expanded, "false");
  // Opened again, a choice made with Enter: the field is added, and the focus is on the menu.
  await page.keyboard.press("Enter");
  await drawn(page);
  await page.keyboard.press("ArrowDown");
  assert.equal((await focused(page)).name, choice.name);
  await page.keyboard.press("Enter");
  await drawn(page);
  const d = await describe(page);
  assert.equal(d.unsaved, true, `"${choice.name}" was added`);
  const names = await page.$$eval("#studio-mirror button", (els) => els.map((e) => e.textContent));
  assert.ok(names.some((n) => n.startsWith(choice.name + ":") || n.startsWith(choice.name + ", ")), `a field "${choice.name}" is shown`);
  f = await focused(page);
  assert.equal(f.role, "button");
  assert.equal(f.expanded, "false", `the focus went back to the menu (${f.name})`);
  await page.close();
});

test("the question before losing edits is a dialog: only its answers are offered, Escape keeps editing", async () => {
  const { page } = await openStudio();
  await openFile(page, SEED);
  await tabTo(page, (name) => name.startsWith("Remove this field: "));
  await page.keyboard.press("Enter");  // an edit: the file is not saved now
  await drawn(page);
  assert.equal((await describe(page)).unsaved, true);
  await tabTo(page, (name) => name === "New study", { back: true, most: 200 });
  await page.keyboard.press("Enter");
  await drawn(page);
  await page.waitForFunction(() => document.querySelector("#studio-mirror [role=dialog]"));
  const inDialog = await page.$$eval("#studio-mirror button", (els) => els.map((e) => e.textContent));
  assert.deepEqual(inDialog, ["Keep editing", "Go on without saving"], "only the dialog's answers");
  assert.equal((await focused(page)).name, "Keep editing", "the focus is on the safe answer");
  await page.keyboard.press("Escape");
  await drawn(page);
  await page.waitForFunction(() => !document.querySelector("#studio-mirror [role=dialog]"));
  const d = await describe(page);
  assert.equal(d.file, "NCT04979910.json");
  assert.equal(d.unsaved, true);
  assert.equal((await focused(page)).name, "New study", "the focus is back where it was");
  await page.close();
});

test("Tab goes down the path list past the rows in view, each coming into view", async () => {
  const { page } = await openStudio();
  await openFile(page, SEED);
  await tabTo(page, (name, c) => c.role === "tab" && name === "Paths");
  await page.keyboard.press("Enter");
  await drawn(page);
  assert.equal((await focused(page)).selected, "true");
  // The list is one stop of Tab; the arrow keys go down its rows.
  await tabTo(page, (name) => name.startsWith("1. "));
  let f = null;
  for (let i = 0; i < 24; ++i) {
    await page.keyboard.press("ArrowDown");
    await drawn(page);
  }
  f = await focused(page);
  assert.ok(f.name && f.name.startsWith("25. "), `the 25th path has the focus: ${f.name}`);
  assert.ok(f.y > 800 * 0.5 && f.y + f.h <= 800 + 0.5, `it is in view (y ${f.y}, height ${f.h})`);
  // ...and the focus ring is drawn around that row, not around another.
  const row = (await describe(page)).placed.find((p) => p.pointer === "path:24");
  assert.ok(row && row.y >= f.y && row.y <= f.y + f.h, `the ring (${f.y} to ${f.y + f.h}) is on the row drawn at ${row?.y}`);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, "studio-keyboard-paths.png") });
  // Enter opens it in the preview.
  await page.keyboard.press("Enter");
  await drawn(page);
  const d = await describe(page);
  assert.ok(["result", "question", "review"].includes(d.preview.screen), d.preview.screen);
  // Tab leaves the list (not to its next row) for the preview.
  await page.keyboard.press("Tab");
  await drawn(page);
  assert.equal((await focused(page)).region, "Preview: the app on a phone");
  await page.close();
});

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

test("in Spanish the mirror speaks Spanish, and the studio passes axe-core", async () => {
  const { page } = await openStudio({ width: 1280, height: 800 }, "?lang=es", site.server, { bypassCSP: true });
  await openFile(page, SEED);
  await drawn(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), "es");
  const regions = await page.$$eval("#studio-mirror section", (els) => els.map((e) => e.getAttribute("aria-label")));
  assert.deepEqual(regions, ["Herramientas", "Índice del archivo", "Editor", "Revisiones, caminos y criterios",
                             "Vista previa: la aplicación en un teléfono"]);
  const f = await tabTo(page, (name) => name === "Abrir un archivo");
  assert.equal(f.region, "Herramientas");
  // A study's English text is read in English in the Spanish interface.
  const title = await page.$eval("#studio-mirror [data-role=field] span[lang=en]", (e) => e.parentElement.textContent);
  assert.ok(title.startsWith("Título, English: "), title);
  // axe-core, added by the test (so this page alone is let past the page's policy).
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa", "best-practice"] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
  });
  const bad = result.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(bad, []);
  // ...and with a menu open.
  await tabTo(page, (name) => name.startsWith("Añadir un campo"));
  await page.keyboard.press("Enter");
  await drawn(page);
  assert.ok(await page.$("#studio-mirror [role=listbox]"));
  const open = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa", "best-practice"] } });
    return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => ({ id: v.id, nodes: v.nodes.length }));
  });
  assert.deepEqual(open, []);
  await page.close();
});
