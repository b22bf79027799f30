// Runs the same cases through the native trialmatch CLI and the same CLI compiled to
// WebAssembly (run under Node), and checks that both give byte-identical output and the
// same exit code: the core must decide the same way in the browser as in the tests.
// Each native case is its own process; the WebAssembly cases all run in one process at the
// end (`trialmatch run-cases`, app/cli/run_cases.h), as a WebAssembly start is most of a
// case's time. So every case also checks that a case run after hundreds of others prints
// what it prints alone. (Each case's files are its own, as they are read only at the end.)
//
// usage: node tests/wasm/compare_native_wasm.mjs NATIVE_CLI WASM_CLI_JS
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const [nativeCli, wasmCli] = process.argv.slice(2);
if (!nativeCli || !wasmCli) {
  console.error("usage: node tests/wasm/compare_native_wasm.mjs NATIVE_CLI WASM_CLI_JS");
  process.exit(2);
}

function run(command, args) {
  const r = spawnSync(command, args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let passed = 0, failed = 0;
const cases = [];  // {name, args, native}: compared with WebAssembly at the end
function compare(name, args) {
  const native = run(nativeCli, args);
  cases.push({ name, args, native });
  return native;
}

// Runs every case through the WebAssembly CLI in one process and compares each with its
// native run.
function compareAll() {
  const input = cases.map((c) => JSON.stringify(c.args)).join("\n") + "\n";
  const r = spawnSync(process.execPath, [wasmCli, "run-cases"], { input, encoding: "utf8", maxBuffer: 1024 * 1024 * 1024 });
  const lines = (r.stdout ?? "").split("\n").filter((l) => l !== "");
  if (r.status !== 0 || lines.length !== cases.length) {
    failed++;
    console.log(`not ok - run-cases in WebAssembly: exit ${r.status}, ${lines.length} results for ${cases.length} cases`);
    console.log((r.stderr ?? "").slice(0, 2000));
    return;
  }
  cases.forEach((c, i) => {
    const out = JSON.parse(lines[i]);
    check(c.name, c.native, { status: out.exit, stdout: out.stdout, stderr: out.stderr });
  });
}

function check(name, a, b) {
  const same = a.status === b.status && a.stdout === b.stdout && a.stderr === b.stderr;
  if (same && a.status !== null) {
    passed++;
    return;
  }
  failed++;
  console.log(`not ok - ${name}: native exit ${a.status}, wasm exit ${b.status}`);
  const diffLine = (x, y) => {
    const xs = (x ?? "").split("\n"), ys = (y ?? "").split("\n");
    for (let i = 0; i < Math.max(xs.length, ys.length); i++)
      if (xs[i] !== ys[i]) return `line ${i + 1}:\n  native: ${xs[i]}\n  wasm:   ${ys[i]}`;
    return "(same)";
  };
  console.log("  stdout " + diffLine(a.stdout, b.stdout));
  console.log("  stderr " + diffLine(a.stderr, b.stderr));
}

// A small deterministic random generator, so every run checks the same cases.
let seed = 20261125;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(random() * list.length)];

const trials = [
  ...fs.readdirSync("assets/trials").map((f) => path.join("assets/trials", f)),
  ...fs.readdirSync("tests/data/trials").map((f) => path.join("tests/data/trials", f)),
].filter((f) => f.endsWith(".json")).sort();

// A random answer to a question: mostly fitting, some unknown, a few wrong on purpose.
const valueFor = (q) => {
  const r = random();
  if (r < 0.12) return "unknown";
  if (r < 0.15) return pick([true, "maybe", 12.5, ["x"], null, "2024-13"]);  // wrong on purpose
  switch (q.type) {
    case "yes_no": return pick(["yes", "no"]);
    case "single": return pick(q.options).id;
    case "multiple": {
      const plain = q.options.filter((o) => !o.exclusive);
      const chosen = plain.filter(() => random() < 0.3).map((o) => o.id);
      return chosen.length ? chosen : [pick(q.options).id];
    }
    case "number": return Math.round(q.min + random() * (q.max - q.min) * 1.1);
    case "month_year": return `20${10 + Math.floor(random() * 20)}-0${1 + Math.floor(random() * 9)}`;
    default: return null;
  }
};

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "trialmatch-wasm-"));
try {
  for (const trialFile of trials) {
    const v = compare(`validate ${trialFile}`, ["validate", trialFile]);
    if (v.status !== 0) continue;
    compare(`paths ${trialFile}`, ["paths", trialFile, "--json"]);
    compare(`paths (text) ${trialFile}`, ["paths", trialFile]);
    compare(`render ${trialFile}`, ["render", trialFile]);
    compare(`render (html, last language) ${trialFile}`,
            ["render", trialFile, "--format", "html", "--lang", JSON.parse(fs.readFileSync(trialFile, "utf8")).languages.at(-1)]);

    // Random answer sets: mostly fitting answers, some unknown, a few wrong on purpose.
    const trial = JSON.parse(fs.readFileSync(trialFile, "utf8"));
    for (let i = 0; i < 150; i++) {
      const answers = {};
      for (const q of trial.questions) if (random() < 0.8) answers[q.id] = valueFor(q);
      if (random() < 0.03) answers.not_a_question = "yes";
      const file = path.join(tmp, `answers-${path.basename(trialFile, ".json")}-${i}.json`);
      fs.writeFileSync(file, JSON.stringify(answers));
      const lang = pick(trial.languages);
      compare(`evaluate ${trialFile} #${i} ${JSON.stringify(answers)}`, ["evaluate", trialFile, file, "--lang", lang]);
      // The same answers as a FHIR QuestionnaireResponse (every tenth set: they share the code).
      if (i % 10 === 0)
        compare(`export-fhir --response ${trialFile} #${i}`, ["export-fhir", trialFile, "--response", file, "--lang", lang]);
    }
    for (const lang of trial.languages) compare(`export-fhir ${trialFile} ${lang}`, ["export-fhir", trialFile, "--lang", lang]);
  }
  // Catalogs: validate, and match people against every study at once.
  const CATALOG = "assets/catalogs/depression.json";
  compare(`validate ${CATALOG}`, ["validate", CATALOG]);
  const catalog = JSON.parse(fs.readFileSync(CATALOG, "utf8"));
  const catalogTrials = catalog.studies.filter((s) => s.trial)
    .map((s) => ({ id: s.id, trial: JSON.parse(fs.readFileSync(path.join(path.dirname(CATALOG), s.trial), "utf8")) }));
  // The answers file's key for a question: its id if shared, else "STUDY/id".
  const keyOf = (study, q) => (catalog.shared_questions.includes(q.id) ? q.id : `${study}/${q.id}`);
  // A person who may fit every study (as the unit test's fitting person).
  const NO = ["self_harm_thoughts", "recent_suicide_attempt", "psychosis_or_bipolar", "memory_condition",
              "substance_problems", "pregnant", "breastfeeding", "can_become_pregnant", "penis_in_vagina_sex"];
  const fitting = (q) => {
    if (q.id === "age") return 34;
    if (q.type === "number") return q.min;
    if (q.type === "multiple") return [(q.options.find((o) => o.exclusive) ?? q.options[0]).id];
    if (NO.includes(q.id)) return "no";
    if (q.type === "yes_no") return "yes";
    return q.options.at(-1).id;
  };
  const fit = {};
  for (const { id, trial } of catalogTrials) for (const q of trial.questions) fit[keyOf(id, q)] = fitting(q);
  const people = {
    "no answers": {},
    "a likely fit": fit,
    "a likely fit, in Spanish": fit,
    "55 years old: too old for one study only": { ...fit, age: 55 },
    "thoughts of self-harm": { age: 34, diagnosed_depression: "yes", depressed_now: "yes", self_harm_thoughts: "yes" },
    "a few answers, some unknown": { age: 30, depressed_now: "unknown", "NCT06136546/mgh_reads_english": "no" },
    "an answer no study asks": { age: 34, not_a_question: "yes" },
    "a study's own question by its bare id": { mgh_reads_english: "yes" },
    "a closed study's question": { "NCT03947827/age": 34 },
    "an answer that does not fit a shared question": { age: "old" },
  };
  for (const [name, answers] of Object.entries(people)) {
    const file = path.join(tmp, `catalog-answers-${Object.keys(people).indexOf(name)}.json`);
    fs.writeFileSync(file, JSON.stringify(answers));
    compare(`match: ${name}`, ["match", CATALOG, file, ...(name.includes("Spanish") ? ["--lang", "es"] : [])]);
  }
  // Random people: shared and own questions, mostly fitting answers, some unknown or wrong.
  for (let i = 0; i < 20; i++) {
    const answers = {};
    for (const { id, trial } of catalogTrials)
      for (const q of trial.questions) if (random() < 0.5) answers[keyOf(id, q)] = random() < 0.9 ? fitting(q) : valueFor(q);
    const file = path.join(tmp, `catalog-random-${i}.json`);
    fs.writeFileSync(file, JSON.stringify(answers));
    compare(`match #${i} ${JSON.stringify(answers)}`, ["match", CATALOG, file, "--lang", pick(catalog.languages)]);
  }
  compare("match: a language the catalog does not have", ["match", CATALOG, path.join(tmp, "catalog-answers-0.json"), "--lang", "fr"]);

  // Broken catalogs, beside copies of the trial files so "../trials/X.json" resolves.
  fs.mkdirSync(path.join(tmp, "catalogs"));
  fs.mkdirSync(path.join(tmp, "trials"));
  for (const { trial } of catalogTrials)
    fs.writeFileSync(path.join(tmp, "trials", `${trial.trial.id}.json`), JSON.stringify(trial, null, 2));
  const writeCatalog = (name, c) => {
    const file = path.join(tmp, "catalogs", name);
    fs.writeFileSync(file, JSON.stringify(c, null, 2));
    return file;
  };
  compare("validate: the copied catalog", ["validate", writeCatalog("copy.json", catalog)]);
  const badFields = structuredClone(catalog);
  badFields.studies[1].status = "open";
  badFields.studies[2].status_date = "March 2026";
  badFields.studies[3].trial = "/etc/trial.json";
  badFields.shared_questions.push("age");
  compare("validate: bad status, date, path and a shared question listed twice",
          ["validate", writeCatalog("bad-fields.json", badFields)]);
  // A shared question that one study words differently, and one that no study asks.
  const other = catalogTrials[1].trial;
  const changed = structuredClone(other);
  changed.questions.find((q) => q.id === "age").text.en = "What is your age?";
  fs.writeFileSync(path.join(tmp, "trials", "changed.json"), JSON.stringify(changed, null, 2));
  const differs = structuredClone(catalog);
  differs.studies.find((s) => s.id === other.trial.id).trial = "../trials/changed.json";
  differs.shared_questions.push("favourite_colour");
  compare("validate: a shared question that differs, and one no study asks", ["validate", writeCatalog("differs.json", differs)]);
  compare("match: a catalog whose studies do not fit together", ["match", path.join(tmp, "catalogs", "differs.json"),
                                                                  path.join(tmp, "catalog-answers-0.json")]);
  const missing = structuredClone(catalog);
  missing.studies[0].trial = "../trials/missing.json";
  compare("validate: a study's trial file is missing", ["validate", writeCatalog("missing.json", missing)]);

  // Result codes (the QR code's text) read back with `decode`: random answers under each of
  // the three verdicts, so exactly one reads back and the others are refused; in JSON and
  // as text, in each language; then codes that are garbled or made with another file.
  for (const trialFile of fs.readdirSync("assets/trials").map((f) => path.join("assets/trials", f)).sort()) {
    const bytes = fs.readFileSync(trialFile);
    const trial = JSON.parse(bytes.toString("utf8"));
    const hash = crypto.createHash("sha256").update(bytes).digest("hex").slice(0, 8).toUpperCase();
    const head = `TM1 ${trial.trial.id} ${trial.trial.version || "*"} ${hash}`;
    const codeValue = (q) => {
      if (random() < 0.1 && q.unknown?.length) return q.unknown[0] === "not_sure" ? "U" : "P";
      switch (q.type) {
        case "yes_no": return String(Math.floor(random() * 2));
        case "multiple": case "single": return String(Math.floor(random() * q.options.length));
        case "number": return String(Math.round(q.min + random() * (q.max - q.min)));
        case "month_year": return `20${10 + Math.floor(random() * 15)}-0${1 + Math.floor(random() * 9)}`;
        default: return "U";
      }
    };
    let readBack = 0;
    for (let i = 0; i < 20; i++) {
      // Every other code answers only questions asked of everyone (no ask_if), so it reads
      // back under one verdict; the others may answer a question their answers skip.
      const answers = trial.questions.map((q, n) => (random() < 0.7 && (i % 2 === 0 || !q.ask_if) ? ` ${n}:${codeValue(q)}` : ""))
        .join("");
      let read = 0;
      for (const verdict of ["L", "R", "N"]) {
        const lang = pick(trial.languages);
        const r = compare(`decode ${trialFile} #${i} ${verdict}`,
                          ["decode", trialFile, `${head} ${verdict}${answers}`, "--lang", lang, ...(i % 2 ? ["--json"] : [])]);
        read += r.status === 0 ? 1 : 0;
      }
      readBack += read;
      if (read > 1) {
        failed++;
        console.log(`not ok - decode ${trialFile} #${i}: ${read} of the three verdicts read back (${answers})`);
      }
    }
    if (readBack < 5) {
      failed++;
      console.log(`not ok - decode ${trialFile}: only ${readBack} of 20 random codes read back`);
    }
    compare(`decode from a catalog ${trialFile}`, ["decode", CATALOG, `${head} R`]);
    compare(`decode: another file ${trialFile}`, ["decode", trialFile, `TM1 ${trial.trial.id} * 00000000 R 0:1`]);
  }
  // Drafts from ClinicalTrials.gov records.
  compare("import-ctgov: a recruiting study", ["import-ctgov", "tests/data/ctgov/recruiting-study.json"]);
  compare("import-ctgov: a list needs --out", ["import-ctgov", "tests/data/ctgov/studies-list.json"]);
  compare("import-ctgov: not a record", ["import-ctgov", "assets/trials/NCT04979910.json"]);
  const draft = path.join(tmp, "draft.json");
  fs.writeFileSync(draft, run(nativeCli, ["import-ctgov", "tests/data/ctgov/recruiting-study.json"]).stdout);
  compare("validate: a draft (warnings)", ["validate", draft]);

  compare("decode: not a code", ["decode", "assets/trials/NCT04979910.json", "https://example.org/"]);
  compare("decode: an answer out of range", ["decode", "assets/trials/NCT04979910.json", "TM1 NCT04979910 * 00000000 R 999:1"]);
  compare("export-fhir: a language the trial does not have", ["export-fhir", "assets/trials/NCT04979910.json", "--lang", "fr"]);
  compare("export-fhir: --response without a file", ["export-fhir", "assets/trials/NCT04979910.json", "--response"]);
  compare("decode: no code", ["decode", "assets/trials/NCT04979910.json"]);

  // Bad input handling must match too.
  compare("missing file", ["validate", path.join(tmp, "missing.json")]);
  fs.writeFileSync(path.join(tmp, "not-json.json"), "{ \"format\": ");
  compare("invalid JSON", ["validate", path.join(tmp, "not-json.json")]);
  compare("unknown command", ["frobnicate"]);
  compareAll();
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}

console.log(`wasm-vs-native: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
