// Runs every browser test file (tests/e2e/*.test.mjs), BROWSER_FILES_AT_ONCE at a time
// (default 2), the files that take longest first, and prints node's TAP report (its summary
// "# pass N" / "# fail N" is what build-scripts/test.sh counts). Exit status 1 if any test failed.
//
// `node --test` starts its files in the order of their names; then a long file that starts
// late runs on alone at the end while the other core has nothing left to do. Here the longest
// start first and the short ones fill in beside them.
import { run } from "node:test";
import { tap } from "node:test/reporters";
import fs from "node:fs";
import path from "node:path";

const dir = path.dirname(new URL(import.meta.url).pathname);

// Seconds each file took alone on the 2-core machine (2026-12-07); a file not listed counts
// as 20 s. Only the order depends on these.
const SECONDS_ALONE = {
  layout: 125, kiosk_wipe: 66, studio_keyboard: 60, catalog: 55, studio: 50, page_lifecycle: 49, results: 46, kiosk: 36, monkey: 32,
  journeys: 30, privacy: 27, plain_language: 26, trial_link: 24, qr_code: 22, host_scroll: 21,
  continue_later: 15, a11y: 15, lhc_forms: 16, first_screen: 15, print: 19, embed: 13,
  share_window: 11, bad_trial_files: 8, axe: 6, offline: 5, languages: 3, headers: 2, page_contract: 2,
};
const expected = (file) => SECONDS_ALONE[path.basename(file, ".test.mjs")] ?? 20;

// With names on the command line (`node tests/e2e/run_longest_first.mjs layout kiosk`), only those.
const only = process.argv.slice(2);
const files = fs.readdirSync(dir)
  .filter((name) => name.endsWith(".test.mjs") && (only.length === 0 || only.includes(name.replace(".test.mjs", ""))))
  .map((name) => path.join(dir, name))
  .sort((a, b) => expected(b) - expected(a) || a.localeCompare(b));

const stream = run({ files, concurrency: Number(process.env.BROWSER_FILES_AT_ONCE || 2) });
stream.on("test:fail", () => { process.exitCode = 1; });
stream.compose(tap).pipe(process.stdout);
