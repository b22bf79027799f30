// Runs the same cases through the native trialmatch CLI and the same CLI compiled to
// WebAssembly (run under Node), and checks that both give byte-identical output and the
// same exit code: the core must decide the same way in the browser as in the tests.
//
// usage: node tests/wasm/compare_native_wasm.mjs NATIVE_CLI WASM_CLI_JS
import { spawnSync } from "node:child_process";
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
function compare(name, args) {
  const a = run(nativeCli, args);
  const b = run(process.execPath, [wasmCli, ...args]);
  const same = a.status === b.status && a.stdout === b.stdout && a.stderr === b.stderr;
  if (same && a.status !== null) {
    passed++;
    return a;
  }
  failed++;
  console.log(`not ok - ${name}: native exit ${a.status}, wasm exit ${b.status}`);
  const diffLine = (x, y) => {
    const xs = x.split("\n"), ys = y.split("\n");
    for (let i = 0; i < Math.max(xs.length, ys.length); i++)
      if (xs[i] !== ys[i]) return `line ${i + 1}:\n  native: ${xs[i]}\n  wasm:   ${ys[i]}`;
    return "(same)";
  };
  console.log("  stdout " + diffLine(a.stdout, b.stdout));
  console.log("  stderr " + diffLine(a.stderr, b.stderr));
  return a;
}

// A small deterministic random generator, so every run checks the same cases.
let seed = 20261125;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(random() * list.length)];

const trials = [
  ...fs.readdirSync("assets/trials").map((f) => path.join("assets/trials", f)),
  ...fs.readdirSync("tests/data/trials").map((f) => path.join("tests/data/trials", f)),
].filter((f) => f.endsWith(".json")).sort();

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
    for (let i = 0; i < 150; i++) {
      const answers = {};
      for (const q of trial.questions) if (random() < 0.8) answers[q.id] = valueFor(q);
      if (random() < 0.03) answers.not_a_question = "yes";
      const file = path.join(tmp, `answers-${i}.json`);
      fs.writeFileSync(file, JSON.stringify(answers));
      const lang = pick(trial.languages);
      compare(`evaluate ${trialFile} #${i} ${JSON.stringify(answers)}`, ["evaluate", trialFile, file, "--lang", lang]);
    }
  }
  // Bad input handling must match too.
  compare("missing file", ["validate", path.join(tmp, "missing.json")]);
  fs.writeFileSync(path.join(tmp, "not-json.json"), "{ \"format\": ");
  compare("invalid JSON", ["validate", path.join(tmp, "not-json.json")]);
  compare("unknown command", ["frobnicate"]);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}

console.log(`wasm-vs-native: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
