// The studio's checks, measured (a benchmark, not a test): for the seed study (20 questions)
// and a study of 40 (tests/e2e/doubled_study.mjs), the time from opening the file in the
// studio to its checks being in, and the longest the page's thread was busy meanwhile (the
// longest gap between animation frames: what an author typing would feel), with the checks
// in their worker and, for comparison, on the page (a server that does not send the worker).
//   node tests/bench/studio_checks.mjs SITE_DIR [--runs N]
import fs from "node:fs";
import path from "node:path";
import { doubledSeedStudy } from "../e2e/doubled_study.mjs";
import { serve, launchBrowser } from "../e2e/support.mjs";

const siteDir = path.resolve(process.argv[2] || "build/wasm/site");
const runsAt = process.argv.indexOf("--runs");
const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 5;
const studies = [
  ["seed study, 20 questions", "NCT04979910.json", fs.readFileSync("assets/trials/NCT04979910.json", "utf8")],
  ["40 questions", "doubled.json", JSON.stringify(doubledSeedStudy(), null, 2) + "\n"],
];

async function measure(browser, server, name, text) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // The longest gap between animation frames from now until the returned function is called.
  await page.addInitScript(() => {
    window.gapMeter = () => {
      let longest = 0, last = performance.now(), running = true;
      const tick = (now) => {
        longest = Math.max(longest, now - last);
        last = now;
        if (running) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      return () => {
        running = false;
        return longest;
      };
    };
  });
  await page.goto(`${server.url}/studio.html`);
  await page.waitForFunction(() => typeof Module !== "undefined" && Module.calledRun &&
                             JSON.parse(UTF8ToString(Module._trialmatch_studio_describe())).frames >= 3);
  await page.waitForTimeout(500);  // the worker's WebAssembly compiled
  const result = await page.evaluate(async ([fileName, fileText]) => {
    const describe = () => JSON.parse(UTF8ToString(Module._trialmatch_studio_describe()));
    const meter = window.gapMeter();
    await new Promise((r) => setTimeout(r, 100));
    const start = performance.now();
    const args = [fileName, fileText].map((s) => {
      const size = lengthBytesUTF8(s) + 1, ptr = _malloc(size);
      stringToUTF8(s, ptr, size);
      return ptr;
    });
    Module._trialmatch_studio_open_file(args[0], args[1], 0, 1);
    args.forEach((p) => _free(p));
    while (!describe().checked) await new Promise((r) => setTimeout(r, 5));
    const done = performance.now() - start;
    await new Promise((r) => setTimeout(r, 100));
    return { done, longest: meter(), by: describe().checks_by, paths: describe().paths };
  }, [name, text]);
  // An edit: a letter typed into the title, then the field left; from there until the checks
  // of the edit are in (they wait for the typing to pause, 0.35 s).
  const title = await page.waitForFunction(() => {
    const d = JSON.parse(UTF8ToString(Module._trialmatch_studio_describe()));
    return d.settled && Module._trialmatch_studio_pending_frames() === 0 ? d.placed.find((p) => p.pointer === "/trial/title/en") : null;
  }).then((h) => h.jsonValue());
  await page.mouse.click(title.x, title.y);
  await page.waitForFunction(() => document.activeElement?.id === "studio-text");
  await page.keyboard.type("x");
  const edit = await page.evaluate(async () => {
    const describe = () => JSON.parse(UTF8ToString(Module._trialmatch_studio_describe()));
    const meter = window.gapMeter();
    const start = performance.now();
    document.getElementById("studio-text").blur();
    while (!describe().checked) await new Promise((r) => setTimeout(r, 5));
    const done = performance.now() - start;
    await new Promise((r) => setTimeout(r, 100));
    return { done, longest: meter() };
  });
  await page.close();
  return { ...result, editDone: edit.done, editLongest: edit.longest };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const withWorker = await serve(siteDir);
const withoutWorker = await serve(siteDir, { "/studio-checks.js": (req, res) => { res.writeHead(404); res.end(); } });
const browser = await launchBrowser();
console.log(`Opening a study in the studio until its checks are in (median of ${runs}):`);
console.log("study                     | checks in | open: checks in ms, longest page gap ms | edit: checks in ms, longest page gap ms | paths");
for (const [label, name, text] of studies)
  for (const [where, server] of [["worker", withWorker], ["page", withoutWorker]]) {
    const all = [];
    for (let i = 0; i < runs; ++i) all.push(await measure(browser, server, name, text));
    if (all.some((r) => r.by !== where)) throw new Error(`checks ran on the ${all[0].by}, not the ${where}`);
    const ms = (key) => median(all.map((r) => r[key])).toFixed(0);
    console.log(`${label.padEnd(25)} | ${where.padEnd(9)} | ${`${ms("done")}, ${ms("longest")}`.padStart(38)} | ` +
                `${`${ms("editDone")}, ${ms("editLongest")}`.padStart(39)} | ${all[0].paths}`);
  }
await browser.close();
await withWorker.close();
await withoutWorker.close();
