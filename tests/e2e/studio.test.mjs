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
import { doubledSeedStudy } from "./doubled_study.mjs";
import { serve, siteAndBrowser, ARTIFACTS_DIR } from "./support.mjs";
import { studioHelpers } from "./studio_support.mjs";

const site = siteAndBrowser();
const CLI = process.env.TRIALMATCH_CLI || path.resolve("build/native/app/cli/trialmatch");
const { openStudio, describe, caughtUp, openFile, clickPlaced, nextChooser } = studioHelpers(site);

// Scrolls the editor with the mouse wheel until the field at `pointer` is in view.
async function reveal(page, pointer) {
  const drawn = async () => (await describe(page)).placed.some((p) => p.pointer === pointer);
  const size = page.viewportSize();
  await page.mouse.move(size.width * 0.4, size.height * 0.3);  // over the editor
  for (let i = 0; i < 40 && !(await drawn()); ++i) {
    await page.mouse.wheel(0, i < 10 ? -400 : 120);
    await page.waitForTimeout(60);
  }
}

async function typeInto(page, pointer, keys) {
  await reveal(page, pointer);
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
  // Marked where the rule stops reading: after its last word, not at its start.
  const field = d.placed.find((p) => p.pointer === "/criteria/0/rule");
  const mark = d.placed.find((p) => p.pointer === "mark:/criteria/0/rule");
  assert.ok(mark, "the place where the rule stops reading is marked");
  // The field starts at about x = 264 (the outline is 250 wide); the rule is some 25
  // characters long, so its end is well past 380.
  assert.ok(mark.x > 380 && Math.abs(mark.y - field.y) < 20, JSON.stringify({ mark, field }));
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

test("a path from the path list opens in the preview, at the verdict it ends in", async () => {
  const { page, errors } = await openStudio();
  const d = await openFile(page, "assets/trials/NCT04979910.json");
  assert.ok(d.paths > 300);
  await clickPlaced(page, "tab:paths");
  await clickPlaced(page, "path:0");
  await page.waitForFunction(() => ["result", "support"].includes(JSON.parse(UTF8ToString(Module._trialmatch_studio_describe())).preview?.screen));
  let shown = await describe(page);
  assert.equal(shown.preview.screen, "result", JSON.stringify(shown.preview).slice(0, 300));
  // Only the paths that end in "likely a fit": the first of them, opened, is that result.
  await clickPlaced(page, "paths:likely_eligible");
  await page.waitForFunction(() => !JSON.parse(UTF8ToString(Module._trialmatch_studio_describe())).placed.some((p) => p.pointer === "path:0"));
  const first = (await describe(page)).placed.find((p) => p.pointer.startsWith("path:"));
  await clickPlaced(page, first.pointer);
  await page.waitForFunction(() => JSON.parse(UTF8ToString(Module._trialmatch_studio_describe())).preview?.screen === "result" &&
                             JSON.parse(UTF8ToString(Module._trialmatch_studio_describe())).preview?.verdict === "likely_eligible");
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, "studio-path-1280.png") });
  assert.equal(site.server.requests.length > 0, true);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the reviewer document, the FHIR Questionnaire and a catalog entry are made on the computer", async () => {
  const { page, errors, loadedRequests } = await openStudio();
  await openFile(page, "assets/trials/NCT04979910.json");
  const download = async (button) => {
    const next = page.waitForEvent("download");
    await clickPlaced(page, button);
    const file = path.join(ARTIFACTS_DIR, (await next).suggestedFilename());
    await (await next).saveAs(file);
    return fs.readFileSync(file, "utf8");
  };
  const review = await download("toolbar:review");
  assert.equal(review, execFileSync(CLI, ["render", "assets/trials/NCT04979910.json", "--format", "html", "--lang", "en"], { encoding: "utf8" }),
               "the same document as trialmatch render");
  const fhir = JSON.parse(await download("toolbar:fhir"));
  assert.deepEqual(fhir, JSON.parse(execFileSync(CLI, ["export-fhir", "assets/trials/NCT04979910.json", "--lang", "en"], { encoding: "utf8" })));
  const entry = JSON.parse(await download("toolbar:catalog"));
  const catalog = JSON.parse(fs.readFileSync("assets/catalogs/depression.json", "utf8"));
  const listed = catalog.studies.find((s) => s.id === "NCT04979910");
  assert.deepEqual({ id: entry.id, trial: entry.trial, status: entry.status }, { id: listed.id, trial: listed.trial, status: listed.status });
  assert.equal(entry.title.es, "Ixekizumab para la depresión resistente al tratamiento", "the study's own title, to shorten if the list needs");
  assert.equal(site.server.requests.length, loadedRequests, "nothing was requested after the page loaded");
  assert.deepEqual(errors, []);
  await page.close();
});

test("cut and paste go through the system clipboard; leaving with unsaved edits asks first; nothing is stored", async () => {
  const { page, errors } = await openStudio();
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.server.url });
  await openFile(page, "assets/trials/NCT04979910.json");
  await reveal(page, "/trial/sponsor");
  await clickPlaced(page, "/trial/sponsor");
  await page.waitForFunction(() => document.activeElement?.id === "studio-text");
  await page.keyboard.press("Control+a");
  await page.keyboard.press("Control+x");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), "Icahn School of Medicine at Mount Sinai");
  await page.keyboard.type("Mount Sinai: ");
  await page.keyboard.press("Control+v");
  await page.keyboard.press("Escape");
  let d = await caughtUp(page);
  assert.equal(d.unsaved, true);
  const file = await save(page);
  assert.equal(JSON.parse(fs.readFileSync(file, "utf8")).trial.sponsor, "Mount Sinai: Icahn School of Medicine at Mount Sinai");
  await typeInto(page, "/trial/sponsor", ".");
  d = await caughtUp(page);
  assert.equal(d.unsaved, true);
  const storage = await page.evaluate(async () => ({
    local: localStorage.length, session: sessionStorage.length,
    databases: (await indexedDB.databases()).length, caches: (await caches.keys()).length,
    cookies: document.cookie,
  }));
  assert.deepEqual(storage, { local: 0, session: 0, databases: 0, caches: 0, cookies: "" });
  // Leaving: the browser asks first (the page's beforeunload), and goes on when told to.
  const asked = new Promise((resolve) => page.once("dialog", (dialog) => { resolve(dialog.type()); dialog.accept(); }));
  await page.goto(`${site.server.url}/studio.html?left`);
  assert.equal(await Promise.race([asked, new Promise((r) => setTimeout(() => r("no question"), 5000))]), "beforeunload");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a new study, a catalog, and an accent composed as a dead key makes it", async () => {
  const { page, errors, loadedRequests } = await openStudio({ width: 1280, height: 800 }, "?lang=es");
  await clickPlaced(page, "toolbar:new");
  let d = await caughtUp(page);
  assert.equal(d.kind, "trial");
  assert.equal(d.unsaved, true, "a new study exists nowhere yet");
  assert.ok(d.findings.some((f) => f.kind === "error" && f.pointer.startsWith("/trial")), "the checks say what to fill in");
  // A dead key: the accent is composed first, then the letter that takes it.
  await clickPlaced(page, "/trial/title/es");
  await page.waitForFunction(() => document.activeElement?.id === "studio-text");
  await page.keyboard.type("Un estudio del sue");
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Input.imeSetComposition", { text: "~", selectionStart: 1, selectionEnd: 1 });
  await cdp.send("Input.insertText", { text: "ñ" });
  await page.keyboard.type("o");
  await page.keyboard.press("Escape");
  d = await caughtUp(page);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, "studio-new-es-1280.png") });
  const file = await save(page);
  assert.equal(JSON.parse(fs.readFileSync(file, "utf8")).trial.title.es, "Un estudio del sueño");
  // A catalog opens too, its fields laid out by the catalog format. Edits not saved first:
  // the studio asks before they would be lost, and keeps them when told to.
  await typeInto(page, "/trial/sponsor", "Universidad");
  await caughtUp(page);
  await clickPlaced(page, "toolbar:open");
  await clickPlaced(page, "discard:keep");
  await page.waitForTimeout(300);
  assert.equal(page.choosers.length, 0, "no file picker while the edits are kept");
  assert.equal((await describe(page)).unsaved, true);
  await clickPlaced(page, "toolbar:open");
  await clickPlaced(page, "discard:go_on");
  const chooser = await nextChooser(page, 0);
  assert.ok(chooser, "the file picker opens once the author chooses to go on");
  await chooser.setFiles(path.resolve("assets/catalogs/depression.json"));
  await page.waitForFunction(() => JSON.parse(UTF8ToString(Module._trialmatch_studio_describe())).kind === "catalog");
  d = await caughtUp(page);
  assert.equal(d.kind, "catalog");
  assert.equal(d.errors, 0);
  assert.equal(d.to_dos, 3, "each recruiting study's file is asked for, to check the catalog with it");
  assert.ok(d.placed.some((p) => p.pointer === "/title/es"), "the catalog's title, in each language");
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, "studio-catalog-es-1280.png") });
  assert.equal(site.server.requests.length, loadedRequests, "nothing was requested after the page loaded");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a catalog opened with its studies' files is checked with them, and the preview is the catalog", async () => {
  const { page, errors, loadedRequests } = await openStudio();
  const before = page.choosers.length;
  await clickPlaced(page, "toolbar:open");
  const chooser = await nextChooser(page, before);
  await chooser.setFiles(["assets/catalogs/depression.json", "assets/trials/NCT04979910.json", "assets/trials/NCT06136546.json",
                          "assets/trials/NCT07493317.json"].map((f) => path.resolve(f)));
  await page.waitForFunction(() => JSON.parse(UTF8ToString(Module._trialmatch_studio_describe())).kind === "catalog");
  let d = await caughtUp(page);
  assert.equal(d.file, "depression.json");
  assert.equal(d.errors, 0);
  assert.equal(d.to_dos, 0);
  assert.equal(d.ready, true);
  await page.waitForFunction(() => JSON.parse(UTF8ToString(Module._trialmatch_studio_describe())).preview?.screen === "welcome");
  d = await describe(page);
  assert.ok(d.preview.texts.some((t) => t.text === "Depression studies that test medicines for inflammation"), "the catalog's own welcome");
  // An edit that breaks the fit with a study: the shared question list names one no study asks.
  await typeInto(page, "/shared_questions", ", no_such_question");
  d = await caughtUp(page);
  assert.ok(d.errors > 0, "a shared question no study asks is flagged");
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, "studio-catalog-1280.png") });
  assert.equal(site.server.requests.length, loadedRequests, "nothing was requested after the page loaded");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a file with values of the wrong kind opens, shows its problems, and can be fixed", async () => {
  const { page, errors } = await openStudio();
  const seed = JSON.parse(fs.readFileSync("assets/trials/NCT04979910.json", "utf8"));
  seed.questions[0].id = 7;
  seed.questions.push("not a question");
  seed.criteria[0].draft = "yes";
  seed.criteria[1].type = 3;
  const file = path.join(ARTIFACTS_DIR, "studio-wrong-kinds.json");
  fs.writeFileSync(file, JSON.stringify(seed, null, 2));
  let d = await openFile(page, file);
  assert.ok(d.errors >= 4, JSON.stringify(d.findings.filter((f) => f.kind === "error").map((f) => f.pointer)));
  for (const item of ["outline:/questions/0", `outline:/questions/${seed.questions.length - 1}`, "outline:/criteria/0", "outline:/criteria/1"])
    await clickPlaced(page, item);
  await clickPlaced(page, "insert:/criteria/1/rule");  // the ids offered, from questions of every kind
  await clickPlaced(page, 'insert:/criteria/1/rule:can_attend_visits');
  d = await caughtUp(page);
  assert.ok(d.open, "still open, nothing crashed");
  assert.deepEqual(errors, []);
  await page.close();
});

// Spanish words for each text a drafted record has only in English (a coordinator's own).
const SPANISH = {
  "/trial/title": "Tratamiento antiinflamatorio añadido para la depresión resistente",
  "/trial/summary": "Este estudio prueba un tratamiento que se añade al suyo. Busca saber si ayuda con la depresión.",
  "/trial/full_criteria_note": "El equipo del estudio revisa con usted la lista completa de requisitos.",
  "/questions/0/text": "¿Cuántos años tiene?",
  "/questions/0/unit": "años",
  "/questions/1/text": "¿Le ha dicho un médico que tiene depresión resistente al tratamiento o depresión mayor?",
  "/criteria/0/text": "El estudio es para personas de 18 a 65 años.",
  "/criteria/1/text": "El estudio es para personas con depresión resistente al tratamiento o depresión mayor.",
};
const SPANISH_TEAM_CHECK = "El equipo del estudio revisa este punto con usted.";

async function answerFile(answers) {
  const file = path.join(ARTIFACTS_DIR, `studio-answers-${Object.values(answers).join("-")}.json`);
  fs.writeFileSync(file, JSON.stringify(answers));
  return file;
}

// As a coordinator would: a made-up study's registry record, every draft criterion finished,
// a question added that is asked only of adults, the check that flags it as unused fixed by a
// criterion's rule, the preview followed and answered, and the file saved and evaluated.
async function coordinatorScenario({ viewport, query, spanish }) {
  const { page, errors, loadedRequests } = await openStudio(viewport, query);
  let d = await openFile(page, "tests/data/ctgov/recruiting-study.json");
  assert.equal(d.file, "NCT09990001.json");
  assert.equal(d.to_dos, 9);
  assert.equal(d.ready, false);
  assert.equal(d.unsaved, true, "a drafted study exists nowhere yet");
  assert.equal(d.preview.screen, "error", "the app refuses a study with drafts, and the preview shows it");
  // The importer's notes and the checks speak the interface's language.
  assert.ok(d.notes.includes(spanish ? "El borrador está solo en inglés: añada cada idioma que ofrecerá la página del estudio."
                                     : "The draft is in English only: add every language the study's page will offer."),
            JSON.stringify(d.notes));
  const draft = d.findings.find((f) => f.kind === "to_do");
  assert.match(draft.shown, spanish ? /^un borrador: alguien todavía tiene que terminar este criterio/ : /^a draft: an author still has to finish/);
  // Every draft criterion finished: kept for the study team, as drafted.
  for (const f of d.findings.filter((x) => x.kind === "to_do")) {
    await clickPlaced(page, "outline:" + f.pointer.replace(/\/draft$/, ""));
    await clickPlaced(page, "editor:finish");
  }
  d = await caughtUp(page);
  assert.equal(d.to_dos, 0);
  assert.equal(d.errors, 0, JSON.stringify(d.findings.filter((x) => x.kind === "error")));
  if (spanish) {
    await clickPlaced(page, "outline:/trial");
    await typeInto(page, "/languages", ", es");
    d = await caughtUp(page);
    const missing = d.findings.filter((f) => f.kind === "error" && f.message.includes('"es" translation'));
    assert.equal(missing.length, 17, "each text without Spanish is flagged");
    assert.ok(missing.every((f) => f.shown.startsWith('falta la traducción "es" de "')), JSON.stringify(missing[0]));
    for (const f of missing) {
      const owner = f.pointer.match(/^\/(questions|criteria)\/\d+/)?.[0] ?? "/trial";
      await clickPlaced(page, "outline:" + owner);
      await typeInto(page, f.pointer + "/es", SPANISH[f.pointer] ?? SPANISH_TEAM_CHECK);
    }
    d = await caughtUp(page);
    assert.equal(d.errors, 0, JSON.stringify(d.findings.filter((x) => x.kind === "error")));
  }
  // A question, asked only of adults.
  await clickPlaced(page, "outline:add:/questions");
  await page.waitForFunction(() => JSON.parse(UTF8ToString(Module._trialmatch_studio_describe())).selected === "/questions/2");
  await typeInto(page, "/questions/2/text/en", "Do you take a medicine for depression now?");
  if (spanish) await typeInto(page, "/questions/2/text/es", "¿Toma ahora algún medicamento para la depresión?");
  await clickPlaced(page, "add:/questions/2");
  await clickPlaced(page, "add:/questions/2:ask_if");
  await typeInto(page, "/questions/2/ask_if", "age >= 18");
  d = await caughtUp(page);
  const unused = d.findings.find((f) => f.kind === "error" && f.pointer.startsWith("/questions/2"));
  assert.ok(unused, `the unused question is flagged: ${JSON.stringify(d.findings.filter((x) => x.kind === "error"))}`);
  assert.equal(unused.shown, spanish ? 'la pregunta "q3" no se usa en ninguna regla, ask_if ni aviso de seguridad, así que nunca se haría'
                                     : 'question "q3" is not used by any rule, ask_if or safety trigger, so it would never be asked');
  assert.equal(d.preview.screen, "error");
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `studio-flagged-${spanish ? "es" : "en"}-${viewport.width}.png`) });
  // Fixed: a criterion the study team was to check becomes a rule over the new question.
  await clickPlaced(page, "outline:/criteria/5");
  await clickPlaced(page, "remove:/criteria/5/checked_by");
  await clickPlaced(page, "add:/criteria/5");
  await clickPlaced(page, "add:/criteria/5:rule");
  await clickPlaced(page, 'insert:/criteria/5/rule');
  await clickPlaced(page, 'insert:/criteria/5/rule:q3 = "yes"');
  d = await caughtUp(page);
  assert.equal(d.errors, 0, JSON.stringify(d.findings.filter((x) => x.kind === "error")));
  assert.equal(d.ready, true);
  // The preview follows: the new question, answered there, and the criterion it decides.
  await clickPlaced(page, "outline:/questions/2");
  await page.waitForFunction(() => JSON.parse(UTF8ToString(Module._trialmatch_studio_describe())).preview?.question?.id === "q3");
  d = await describe(page);
  // The preview starts in the interface's language.
  assert.equal(d.preview.question.text, spanish ? "¿Toma ahora algún medicamento para la depresión?" : "Do you take a medicine for depression now?");
  const yes = d.preview.buttons.find((b) => b.id === "option:yes");
  await page.mouse.click(yes.x + yes.w / 2, yes.y + yes.h / 2);
  await page.waitForFunction((yes) => JSON.parse(UTF8ToString(Module._trialmatch_studio_describe())).preview?.answers?.q3 === yes, spanish ? "Sí" : "Yes");
  // The criterion the new question decides follows the answer given in the preview.
  assert.equal((await describe(page)).criteria_now.inclusion_4, "passes");
  await clickPlaced(page, "outline:/questions/2");
  await page.waitForFunction(() => JSON.parse(UTF8ToString(Module._trialmatch_studio_describe())).preview?.question?.id === "q3");
  const no = (await describe(page)).preview.buttons.find((b) => b.id === "option:no");
  await page.mouse.click(no.x + no.w / 2, no.y + no.h / 2);
  await page.waitForFunction(() => JSON.parse(UTF8ToString(Module._trialmatch_studio_describe())).criteria_now.inclusion_4 === "rules_out");
  await clickPlaced(page, "tab:now");
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `studio-finished-${spanish ? "es" : "en"}-${viewport.width}.png`) });
  // Saved, and what the command-line tool makes of it.
  const file = await save(page);
  assert.match(execFileSync(CLI, ["validate", file], { encoding: "utf8" }), /: valid/);
  const verdict = async (answers) =>
    JSON.parse(execFileSync(CLI, ["evaluate", file, await answerFile(answers)], { encoding: "utf8" })).verdict;
  assert.equal(await verdict({ age: 30, has_condition: "yes", q3: "yes" }), "likely_eligible");
  assert.equal(await verdict({ age: 30, has_condition: "yes", q3: "no" }), "not_eligible");
  assert.equal(await verdict({ age: 30, has_condition: "no", q3: "yes" }), "needs_review");
  if (spanish) assert.equal(JSON.parse(fs.readFileSync(file, "utf8")).questions[2].text.es, "¿Toma ahora algún medicamento para la depresión?");
  assert.equal(site.server.requests.length, loadedRequests, "nothing was requested after the page loaded");
  assert.deepEqual(errors, []);
  await page.close();
}

test("a coordinator turns a registry record into a finished study (English, 1280 x 800)", async () => {
  await coordinatorScenario({ viewport: { width: 1280, height: 800 }, query: "", spanish: false });
});

test("the same in the Spanish interface, with every text in Spanish too (1920 x 1080)", async () => {
  await coordinatorScenario({ viewport: { width: 1920, height: 1080 }, query: "?lang=es", spanish: true });
});

test("the checks run in a worker: a 40-question study's paths are counted there; without the worker, on the page", async () => {
  const doubled = path.join(ARTIFACTS_DIR, "doubled-study.json");
  fs.writeFileSync(doubled, JSON.stringify(doubledSeedStudy(), null, 2) + "\n");
  const { page, errors, loadedRequests } = await openStudio();
  let d = await openFile(page, doubled);
  assert.equal(d.checks_by, "worker");
  assert.equal(d.errors, 0);
  assert.equal(d.paths, 20000, "the studio walks its first 20,000 paths (the file has over a million)");
  assert.equal(Object.values(d.paths_by_verdict).reduce((a, b) => a + b, 0), 20000);
  // An edit is checked again there: a broken condition is flagged at its place.
  await clickPlaced(page, "outline:/questions/7");
  await typeInto(page, "/questions/7/ask_if", " and");
  d = await caughtUp(page);
  assert.equal(d.checks_by, "worker");
  assert.ok(d.findings.some((f) => f.kind === "error" && f.pointer === "/questions/7/ask_if"), JSON.stringify(d.findings.slice(0, 3)));
  assert.equal(d.paths, null, "no paths are counted while the file has an error");
  assert.equal(site.server.requests.length, loadedRequests, "nothing was requested after the page loaded");
  assert.deepEqual(errors, []);
  await page.close();

  // A server that does not send the worker: the studio checks on the page, the same way.
  const server = await serve(undefined, { "/studio-checks.js": (req, res) => { res.writeHead(404); res.end(); } });
  server.refusesWorker = true;
  try {
    const alone = await openStudio(undefined, "", server);
    d = await openFile(alone.page, "assets/trials/NCT04979910.json");
    assert.equal(d.checks_by, "page");
    assert.equal(d.errors, 0);
    assert.ok(d.paths > 100, `paths counted: ${d.paths}`);
    assert.deepEqual(alone.errors, []);
    await alone.page.close();
  } finally {
    await server.close();
  }
});

test("a shared question's answer the study does not use gets an id and a reason, added and removed without JSON", async () => {
  const { page, errors } = await openStudio();
  await openFile(page, "assets/trials/NCT06136546.json");
  await reveal(page, "#new-id:/answers_not_used");
  await clickPlaced(page, "#new-id:/answers_not_used");
  await page.waitForFunction(() => document.activeElement?.id === "studio-text");
  await page.keyboard.type("sleep_problems");
  await clickPlaced(page, "add-id:/answers_not_used");
  let d = await caughtUp(page);
  assert.ok(d.findings.some((f) => f.kind === "error" && f.pointer === "/answers_not_used/sleep_problems"),
            "a new id without its reason is flagged: " + JSON.stringify(d.findings.slice(0, 3)));
  await typeInto(page, "/answers_not_used/sleep_problems", "No rule about sleep was found.");
  d = await caughtUp(page);
  assert.equal(d.errors, 0, JSON.stringify(d.findings.filter((f) => f.kind === "error")));
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, "studio-reasons.png") });
  let saved = JSON.parse(fs.readFileSync(await save(page), "utf8"));
  assert.equal(saved.answers_not_used.sleep_problems, "No rule about sleep was found.");
  assert.equal(Object.keys(saved.answers_not_used).length, 4, "the three reasons there before are kept");
  await reveal(page, "remove:/answers_not_used/sleep_problems");
  await clickPlaced(page, "remove:/answers_not_used/sleep_problems");
  saved = JSON.parse(fs.readFileSync(await save(page), "utf8"));
  assert.deepEqual(saved, JSON.parse(fs.readFileSync("assets/trials/NCT06136546.json", "utf8")));
  // A study without any: the study facts' "Add a field" offers the map.
  await openFile(page, "assets/trials/NCT04979910.json");
  await reveal(page, "add:/trial");
  await clickPlaced(page, "add:/trial");
  await clickPlaced(page, "add:/trial:answers_not_used");
  await page.waitForFunction(() => JSON.parse(UTF8ToString(Module._trialmatch_studio_describe())).unsaved);
  await reveal(page, "#new-id:/answers_not_used");
  assert.ok((await describe(page)).placed.some((p) => p.pointer === "#new-id:/answers_not_used"), "the map and its id box are shown");
  assert.deepEqual(errors, []);
  await page.close();
});

test("Tab and Shift+Tab go to the next and the previous field, as in any form", async () => {
  const { page, errors } = await openStudio();
  await openFile(page, "assets/trials/NCT04979910.json");
  await clickPlaced(page, "/trial/title/en");
  await page.waitForFunction(() => document.activeElement?.id === "studio-text");
  await page.keyboard.press("End");
  await page.keyboard.type(" A");
  await page.keyboard.press("Tab");
  assert.equal((await describe(page)).field.pointer, "/trial/title/es");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "studio-text", "the typing goes on in the next field");
  assert.equal(await page.inputValue("#studio-text"), "Ixekizumab para la depresión resistente al tratamiento");
  // Typed at once, as a quick typist does: nothing is lost between the fields.
  await page.keyboard.type(" B");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Shift+Tab");
  await page.waitForFunction(() => JSON.parse(UTF8ToString(Module._trialmatch_studio_describe())).field.pointer === "/trial/title/en");
  assert.equal(await page.inputValue("#studio-text"), "Ixekizumab for Treatment-Resistant Depression A");
  await page.keyboard.press("Escape");
  const saved = JSON.parse(fs.readFileSync(await save(page), "utf8"));
  assert.equal(saved.trial.title.en, "Ixekizumab for Treatment-Resistant Depression A");
  assert.equal(saved.trial.title.es, "Ixekizumab para la depresión resistente al tratamiento B");
  assert.deepEqual(errors, []);
  await page.close();
});
