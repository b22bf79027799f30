// The benchmark behind the README's table (build-scripts/bench.sh): the seed study's first
// visit, and the depression catalog's, in headless Chromium beside two references showing the
// same first question (a plain HTML page, and SurveyJS from npm), unthrottled and in a
// phone's profile (PROFILES), with the app's figures as ratios to them, because
// absolute times on a shared machine move from run to run. Then the time per answer,
// natively and in WebAssembly under Node: for the seed study alone, and for catalogs of 1,
// 100 and 10,000 generated studies (trialmatch time-match); and how many questions the
// catalog's adaptive order asks simulated people against asking each study's questions in
// turn. A benchmark, not a test.
//
//   node tests/bench/bench.mjs SITE_DIR NATIVE_CLI WASM_CLI_JS [--loads N] [--answers-only]
//   (--answers-only: only the times per answer and the catalog figures, no browser)
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { execFileSync } from "node:child_process";
import { serve, launchBrowser, TYPES } from "../e2e/support.mjs";

const [siteDir, nativeCli, wasmCli] = process.argv.slice(2);
const loadsArg = process.argv.indexOf("--loads");
const LOADS = loadsArg > 0 ? Number(process.argv[loadsArg + 1]) : 7;
const ANSWERS_ONLY = process.argv.includes("--answers-only");
const SEED = "assets/trials/NCT04979910.json";
const CATALOG = "assets/catalogs/depression.json";
const GENERATED_STUDIES = [1, 100, 10000];
const CATALOG_TIMEOUT_S = 300;  // one run of time-match; longer is reported as not finished
const modules = path.resolve("node_modules");

const QUESTION = "How old are you?";
const plainPage = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Plain</title>
<style>body{font-family:sans-serif;max-width:36em;margin:2em auto;padding:0 1em}button{font-size:1.2em;padding:.6em 1.2em}</style>
</head><body><h1>${QUESTION}</h1><input id="age" type="number" min="0" max="120" inputmode="numeric">
<button id="go">Continue</button></body></html>`;
const surveyPage = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>SurveyJS</title>
<link rel="stylesheet" href="/bench/survey-core.min.css">
<script src="/bench/survey.core.min.js"></script><script src="/bench/survey-js-ui.min.js"></script>
</head><body><div id="survey"></div><script>
const survey = new Survey.Model({ elements: [{ type: "text", name: "age", title: ${JSON.stringify(QUESTION)},
  inputType: "number", min: 0, max: 120 }] });
survey.render(document.getElementById("survey"));
</script></body></html>`;

// The two profiles every page is loaded in. "phone" is Lighthouse's mobile profile as the
// DevTools protocol applies it: the CPU slowed 4 times, and a network of 1.6 Mbit/s down,
// 750 kbit/s up and 150 ms round trips. Every file is sent brotli-compressed, as the shipped
// server configurations send it (deploy/), so the slowed network carries what a phone would.
const PROFILES = {
  unthrottled: null,
  phone: { cpuSlowdown: 4, latencyMs: 150, downloadBytesPerSecond: 1.6e6 / 8, uploadBytesPerSecond: 750e3 / 8 },
};

// The depression catalog's recruiting studies copied in turn to `count` studies, each copy with
// its own id and its own questions' concepts (so no question is asked twice), as the site's
// files: catalogs/bench-COUNT.json and a trial file per study, written as the shipped ones are.
const BIG_CATALOG_STUDIES = 200;
function bigCatalog(count) {
  const source = JSON.parse(fs.readFileSync(CATALOG, "utf8"));
  const shared = new Set(source.shared_questions);
  const open = source.studies.filter((s) => s.status === "recruiting" && s.trial);
  const texts = open.map((s) => fs.readFileSync(path.join(path.dirname(CATALOG), s.trial), "utf8"));
  const files = {}, studies = [];
  for (let k = 1; k <= count; k++) {
    const entry = open[(k - 1) % open.length], id = `${entry.id}_${k}`;
    const trial = JSON.parse(texts[(k - 1) % open.length]);
    trial.trial.id = id;
    for (const q of trial.questions) if (!shared.has(q.id) && q.concept) q.concept += `-${k}`;
    files[`/trials/${id}.json`] = JSON.stringify(trial, null, 2) + "\n";
    studies.push({ ...entry, id, trial: `../trials/${id}.json` });
  }
  files[`/catalogs/bench-${count}.json`] = JSON.stringify({ ...source, studies }, null, 2) + "\n";
  return files;
}

// Each page: its address, and when a person can act on it (in the page, polled every 4 ms
// from the first script on).
// For the app: its Start button, as the page shows it to assistive technology once the first
// screen has settled (web/mirror.js): a DOM query as cheap as the references' own, so the
// polling costs no more here than there (asking the app to describe its screen every 4 ms
// cost about 25 ms of main-thread time per load).
const APP_READY = "document.querySelector('#a11y button[data-id=\"start\"]') !== null";
const PAGES = {
  app: { url: "/", ready: APP_READY },
  // The app opening a catalog (assets/catalogs/depression.json): the index, then every
  // recruiting study's file, before its first screen.
  catalog: { url: "/?catalog=catalogs/depression.json", ready: APP_READY },
  // A catalog of BIG_CATALOG_STUDIES recruiting studies (bigCatalog, above): what opening a
  // catalog that large costs; 3 loads, each long on the phone profile.
  catalog200: { url: `/?catalog=catalogs/bench-${BIG_CATALOG_STUDIES}.json`,
                ready: APP_READY, timeoutMs: 240000, loads: 3 },
  plain: { url: "/bench/plain.html", ready: "document.getElementById('go') !== null" },
  surveyjs: { url: "/bench/surveyjs.html", ready: "document.querySelector('.sd-navigation__complete-btn, input.sd-input') !== null" },
};

const extra = {
  ...bigCatalog(BIG_CATALOG_STUDIES),
  "/bench/plain.html": plainPage,
  "/bench/surveyjs.html": surveyPage,
  "/bench/survey.core.min.js": fs.readFileSync(path.join(modules, "survey-core/survey.core.min.js")),
  "/bench/survey-core.min.css": fs.readFileSync(path.join(modules, "survey-core/survey-core.min.css")),
  "/bench/survey-js-ui.min.js": fs.readFileSync(path.join(modules, "survey-js-ui/survey-js-ui.min.js")),
};

// Every file of the site and the references, answered brotli-compressed (compressed once).
function brotliAnswers(dir, files) {
  const answers = {};
  const add = (urlPath, body) => {
    const packed = zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } });
    answers[urlPath] = (req, res) => {
      res.writeHead(200, { "content-type": TYPES[path.extname(urlPath)] || "application/octet-stream",
                           "content-encoding": "br", vary: "accept-encoding" });
      res.end(packed);
    };
  };
  const walk = (at) => {
    for (const entry of fs.readdirSync(path.join(dir, at), { withFileTypes: true })) {
      const rel = path.posix.join(at, entry.name);
      if (entry.isDirectory()) walk(rel);
      // (The server reads deploy-config.json for the headers it sends: it answers that file itself.)
      else if (rel !== "deploy-config.json") add("/" + rel, fs.readFileSync(path.join(dir, rel)));
    }
  };
  walk("");
  for (const [urlPath, body] of Object.entries(files)) add(urlPath, Buffer.from(body));
  return answers;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(browser, base, page, profile) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Performance.enable");
  if (profile) {
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: profile.cpuSlowdown });
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false, latency: profile.latencyMs,
      downloadThroughput: profile.downloadBytesPerSecond, uploadThroughput: profile.uploadBytesPerSecond });
  }
  const bodies = [];
  tab.on("response", async (r) => { try { bodies.push({ url: r.url(), body: await r.body() }); } catch (e) { /* redirects */ } });
  await tab.addInitScript(`(() => {
    window.__frames = 0;
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (cb) => { window.__frames++; return raf(cb); };
    const poll = setInterval(() => { try { if (${page.ready}) { window.__readyAt = performance.now(); clearInterval(poll); } } catch (e) {} }, 4);
  })()`);
  await tab.goto(base + page.url);
  await tab.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: page.timeoutMs || 30000, polling: 50 });
  const taskAtReady = (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "TaskDuration").value;
  const readyAt = await tab.evaluate(() => window.__readyAt);
  await tab.waitForTimeout(1000);  // let the first screen settle
  const before = await cdp.send("Performance.getMetrics");
  const framesBefore = await tab.evaluate(() => window.__frames);
  await tab.waitForTimeout(3000);
  const after = await cdp.send("Performance.getMetrics");
  const idleFrames = (await tab.evaluate(() => window.__frames)) - framesBefore;
  const task = (m) => m.metrics.find((x) => x.name === "TaskDuration").value;
  const wasmBytes = await tab.evaluate(() => (window.Module && Module.HEAP8 ? Module.HEAP8.length : 0));
  await context.close();
  return { readyMs: readyAt, mainThreadMs: taskAtReady * 1000, idleMs: (task(after) - task(before)) * 1000, idleFrames,
           wasmBytes, bodies };
}

const brotli = (body) => zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
function sizes(bodies) {
  const files = bodies.map(({ url, body }) => ({
    file: new URL(url).pathname, raw: body.length,
    gzip: zlib.gzipSync(body, { level: 9 }).length,
    brotli: brotli(body),
  }));
  const total = files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }),
                             { raw: 0, gzip: 0, brotli: 0 });
  return { files, total };
}

const kib = (n) => (n / 1024).toFixed(1) + " KiB";
const ms = (n) => n.toFixed(0) + " ms";
const ratio = (a, b) => (b > 0 ? (a / b).toFixed(2) : "-");

// results[profile][page]: medians of LOADS loads, after one load to warm the server and the browser.
async function browserFigures() {
  const server = await serve(path.resolve(siteDir), brotliAnswers(path.resolve(siteDir), extra));
  const browser = await launchBrowser();
  const results = {};
  for (const [profileName, profile] of Object.entries(PROFILES)) {
    results[profileName] = {};
    for (const [name, page] of Object.entries(PAGES)) {
      if (!page.loads) await measure(browser, server.url, page, profile);
      const runs = [];
      for (let i = 0; i < (page.loads || LOADS); i++) runs.push(await measure(browser, server.url, page, profile));
      results[profileName][name] = {
        readyMs: median(runs.map((r) => r.readyMs)), mainThreadMs: median(runs.map((r) => r.mainThreadMs)),
        idleMs: median(runs.map((r) => r.idleMs)), idleFrames: Math.max(...runs.map((r) => r.idleFrames)),
        wasmBytes: runs[0].wasmBytes, size: sizes(runs[0].bodies),
      };
    }
  }
  await browser.close();
  await server.close();
  return results;
}

function printBrowserFigures(results) {
  const first = results.unthrottled;
  const app = first.app, catalog = first.catalog;
  console.log(`First visit (cache off, every file brotli-compressed), median of ${LOADS} loads in headless Chromium, ` +
              `phone-sized window, in two profiles: "unthrottled", and "phone" (the CPU slowed 4 times; 1.6 Mbit/s down, ` +
              `750 kbit/s up, 150 ms round trips). Files of the seed study's first visit:\n`);
  console.log("| file | raw | gzip | brotli |\n|---|---:|---:|---:|");
  for (const f of app.size.files) console.log(`| ${f.file} | ${kib(f.raw)} | ${kib(f.gzip)} | ${kib(f.brotli)} |`);
  console.log(`| **total** | ${kib(app.size.total.raw)} | ${kib(app.size.total.gzip)} | ${kib(app.size.total.brotli)} |\n`);
  console.log("| profile | | plain HTML | SurveyJS 2.5 | the app, seed study | the app, catalog | app / SurveyJS | catalog / SurveyJS |\n" +
              "|---|---|---:|---:|---:|---:|---:|---:|");
  const row = (profile, label, f, fmt, shown = profile) => {
    const r = results[profile];
    console.log(`| ${shown} | ${label} | ${fmt(f(r.plain))} | ${fmt(f(r.surveyjs))} | ${fmt(f(r.app))} | ${fmt(f(r.catalog))} | ` +
                `${ratio(f(r.app), f(r.surveyjs))} | ${ratio(f(r.catalog), f(r.surveyjs))} |`);
  };
  row("unthrottled", "first visit, brotli", (r) => r.size.total.brotli, kib, "both");
  for (const profile of Object.keys(PROFILES)) {
    row(profile, "first screen ready", (r) => r.readyMs, ms);
    row(profile, "main-thread work until then", (r) => r.mainThreadMs, ms);
    row(profile, "main-thread work in 3 s idle", (r) => r.idleMs, ms);
    row(profile, "frames drawn in 3 s idle", (r) => r.idleFrames, String);
  }
  // A catalog's own files (its index and the study files it opens with, beyond the seed
  // study's file) at the phone profile's download speed: what a catalog may add to the
  // seed study's first screen.
  const own = catalog.size.total.brotli - app.size.total.brotli;
  const phone = PROFILES.phone, throttled = results.phone;
  const ownMs = (own / phone.downloadBytesPerSecond) * 1000;
  console.log(`\nThe catalog's own files: ${kib(own)} brotli beyond the seed study's first visit, ${ms(ownMs)} at the ` +
              `phone profile's download speed. Phone profile: catalog first screen ${ms(throttled.catalog.readyMs)}, seed ` +
              `study's ${ms(throttled.app.readyMs)} plus that transfer ${ms(throttled.app.readyMs + ownMs)}.`);
  const big = results.unthrottled.catalog200, bigPhone = results.phone.catalog200;
  console.log(`A catalog of ${BIG_CATALOG_STUDIES} recruiting studies (the depression catalog's recruiting studies ` +
              `copied in turn), median of ${PAGES.catalog200.loads} loads: first visit ${kib(big.size.total.brotli)} brotli ` +
              `(${kib(big.size.total.brotli - app.size.total.brotli)} beyond the seed study's); first screen ` +
              `${ms(big.readyMs)} unthrottled (main-thread work ${ms(big.mainThreadMs)}), ${ms(bigPhone.readyMs)} on the ` +
              `phone profile (main-thread work ${ms(bigPhone.mainThreadMs)}); WebAssembly memory ${kib(big.wasmBytes)}.`);
  console.log(`WebAssembly memory: ${kib(app.wasmBytes)}`);
}

if (!ANSWERS_ONLY) printBrowserFigures(await browserFigures());

const timeAnswers = (cmd, args) =>
  JSON.parse(execFileSync(cmd, [...args, "time-answers", SEED, "--seconds", "2"], { encoding: "utf8" }).trim().split("\n").pop());
const native = timeAnswers(nativeCli, []);
const wasm = timeAnswers(process.execPath, [wasmCli]);

console.log(`Per answer (evaluate every criterion, choose the next question): native ${native.microseconds_per_answer.toFixed(1)} µs, ` +
            `WebAssembly under Node ${wasm.microseconds_per_answer.toFixed(1)} µs`);

// The last line a command prints, as JSON; null when it did not finish in time.
function lastJson(cmd, args, timeoutSeconds) {
  try {
    const out = execFileSync(cmd, args, { encoding: "utf8", timeout: timeoutSeconds * 1000, maxBuffer: 64 * 1024 * 1024 });
    return JSON.parse(out.trim().split("\n").pop());
  } catch (e) {
    if (e.signal === "SIGTERM") return null;
    throw e;
  }
}
const timeMatch = (cmd, args, extraArgs) => lastJson(cmd, [...args, "time-match", CATALOG, ...extraArgs], CATALOG_TIMEOUT_S);

const people = timeMatch(nativeCli, [], ["--respondents", "1000"]);
if (!people) console.log(`\nSimulated people: did not finish in ${CATALOG_TIMEOUT_S} s`);
else console.log(`\nQuestions asked of ${people.respondents} simulated people (answers drawn from each question's answer classes), ` +
            `${people.open_studies} recruiting studies of ${CATALOG}: adaptive order ${people.questions_adaptive.toFixed(1)}, ` +
            `each study's questions in turn ${people.questions_in_turn.toFixed(1)}, ` +
            `in turn with shared questions asked once ${people.questions_in_turn_shared_once.toFixed(1)} ` +
            `(people whose verdicts differ between the orders: ${people.respondents_with_different_verdicts}; ` +
            `a study out of reach alone, ruled out in the catalog by answers other studies asked: ` +
            `${people.respondents_out_of_reach_then_ruled_out}; ` +
            `not finished: ${people.respondents_not_finished})`);

console.log(`\nOne answer plus choosing the next question, catalogs of generated studies (copies of ${CATALOG}'s ` +
            "recruiting studies under new ids; the first question answered by a fresh person each time). The time is " +
            "the median of the slowest class of answers (an age every study takes keeps more studies in play than " +
            "one they all refuse). \"shared\": the copies of a study share its trial in memory (as studies made from " +
            "one template would); \"own\": each has its own copy, as each study's file loaded on its own has. " +
            "\"Through the app's flow\": the same answers given as the app takes them (the person's intents through " +
            "app/flow, to the next screen's model; app/cli/answer_through_flow.h):\n");
console.log("| studies | trials in memory | native | WebAssembly under Node | WebAssembly, through the app's flow | " +
            "WebAssembly: setup, first question |\n|---:|---|---:|---:|---:|---:|");
const time = (t) => (t >= 1000 ? (t / 1000).toFixed(1) + " ms" : t >= 10 ? t.toFixed(0) + " µs" : t.toFixed(1) + " µs");
const us = (r) => {
  if (!r) return `did not finish in ${CATALOG_TIMEOUT_S} s`;
  return time(r.slowest_class_median_microseconds_per_answer) + ` (${r.answers} answers)`;
};
const flowUs = (r) => {
  if (!r) return `did not finish in ${CATALOG_TIMEOUT_S} s`;
  return time(r.through_the_flow_slowest_class_median_microseconds) + ` (${r.through_the_flow_answers} answers)`;
};
const runs = [...GENERATED_STUDIES.map((n) => [n, false]), [100, true], [10000, true]];
const parts = [];
for (const [n, own] of runs) {
  const args = ["--generated-studies", String(n), "--seconds", "2", ...(own ? ["--own-trials"] : [])];
  const a = timeMatch(nativeCli, [], args);
  const b = timeMatch(process.execPath, [wasmCli], args);
  const setup = b ? `${b.setup_milliseconds.toFixed(0)} ms, ${(b.first_question_microseconds / 1000).toFixed(1)} ms` : "-";
  console.log(`| ${n.toLocaleString("en")} | ${own ? "own" : "shared"} | ${us(a)} | ${us(b)} | ${flowUs(b)} | ${setup} |`);
  if (b && n >= 10000)
    parts.push(`${n.toLocaleString("en")} studies, ${own ? "own" : "shared"} trials, WebAssembly: the slowest class is ` +
               `"${b.slowest_class}", recording the answer ${(b.slowest_class_median_microseconds_recording / 1000).toFixed(1)} ms ` +
               `and choosing the next question ${(b.slowest_class_median_microseconds_choosing / 1000).toFixed(1)} ms (medians)`);
}
if (parts.length) console.log("\n" + parts.join(";\n") + ".");

// What a phone downloads for a catalog (the plan in docs/catalog-format.md, "Downloads"): the
// catalog file, which is the index (ids, titles, status and dates; no questions), then, when
// it opens and before any answer, the file of every study in play then: every recruiting
// study. Never a file because of an answer. For generated catalogs (copies of the recruiting
// studies, as above) the index is estimated at the real catalog's bytes per study, since
// copied titles would compress far better than real ones.
const catalog = JSON.parse(fs.readFileSync(CATALOG, "utf8"));
const recruiting = catalog.studies.filter((s) => s.status === "recruiting" && s.trial);
const fileBytes = recruiting.map((s) => brotli(fs.readFileSync(path.join(path.dirname(CATALOG), s.trial))));
const indexBytes = brotli(fs.readFileSync(CATALOG));
const perStudy = indexBytes / catalog.studies.length;
const mib = (n) => (n >= 1024 * 1024 ? (n / 1024 / 1024).toFixed(1) + " MiB" : kib(n));
console.log(`\nDownloads for a catalog, brotli: ${CATALOG} itself, then generated catalogs as above ` +
            `(index estimated at ${perStudy.toFixed(0)} B a study):\n`);
console.log("| catalog | index | study files fetched when it opens | total |\n|---|---:|---:|---:|");
const downloadRow = (name, index, recruitingCount) => {
  let files = 0;
  for (let i = 0; i < recruitingCount; i++) files += fileBytes[i % fileBytes.length];
  console.log(`| ${name} | ${mib(index)} | ${mib(files)} | ${mib(index + files)} |`);
};
downloadRow(`${CATALOG}: ${catalog.studies.length} studies, ${recruiting.length} recruiting`, indexBytes, recruiting.length);
for (const n of GENERATED_STUDIES) downloadRow(`${n.toLocaleString("en")} generated, all recruiting`, perStudy * n, n);
