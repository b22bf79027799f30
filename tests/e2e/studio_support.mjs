// The studio's browser tests' helpers (studio.test.mjs, studio_keyboard.test.mjs): open the
// studio, open a file from disk through its picker, wait for the checks, and click what the
// studio drew by its place (describe().placed).
import assert from "node:assert/strict";
import path from "node:path";
import { ARTIFACTS_DIR } from "./support.mjs";

// The helpers for one test file's site and browser (support.mjs's siteAndBrowser()).
export function studioHelpers(site) {
  async function openStudio(viewport = { width: 1280, height: 800 }, query = "", server = site.server, options = {}) {
    const page = await site.browser.newPage({ viewport, acceptDownloads: true, ...options });
    page.choosers = [];
    page.on("filechooser", (chooser) => page.choosers.push(chooser));
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${server.url}/studio.html${query}`);
    await page.waitForFunction(() => typeof Module !== "undefined" && Module.calledRun &&
                               JSON.parse(UTF8ToString(Module._trialmatch_studio_describe())).frames >= 3, null, { timeout: 30000 });
    // The checks worker loads with the page (its script, then its WebAssembly).
    const workerLoaded = () => server.requests.some((r) => r.path === "/studio-checks.wasm") ||
                               server.requests.some((r) => r.path === "/studio-checks.js" && server.refusesWorker);
    for (let i = 0; i < 200 && !workerLoaded(); ++i) await new Promise((r) => setTimeout(r, 50));
    assert.ok(workerLoaded(), "the checks worker was loaded with the page");
    const loadedRequests = server.requests.length;
    return { page, errors, loadedRequests };
  }

  const describe = async (page) => JSON.parse(await page.evaluate(() => UTF8ToString(Module._trialmatch_studio_describe())));

  // Waits until the checks and the preview have caught up with the last edit.
  async function caughtUp(page) {
    await page.waitForFunction(() => JSON.parse(UTF8ToString(Module._trialmatch_studio_describe())).checked);
    return describe(page);
  }

  // The file picker opened after `before` others, or null after 5 s.
  async function nextChooser(page, before) {
    for (let i = 0; i < 100 && page.choosers.length <= before; ++i) await new Promise((r) => setTimeout(r, 50));
    return page.choosers[before] ?? null;
  }

  async function openFile(page, file) {
    // The file picker opens on the button's release. (The page listens for pickers from its
    // start: Playwright turns its interception on when the first listener comes, and a click
    // right after that could reach the browser first.)
    const before = page.choosers.length;
    await clickPlaced(page, "toolbar:open");
    const chooser = await nextChooser(page, before);
    assert.ok(chooser, "the file picker opened");
    await chooser.setFiles(path.resolve(file));
    await page.waitForFunction((name) => JSON.parse(UTF8ToString(Module._trialmatch_studio_describe())).open, path.basename(file));
    return caughtUp(page);
  }

  // Clicks what the studio drew for `pointer` (a text field, or "outline:/questions/2"), once
  // it has settled: a list that just opened draws its items in the next frame, and the checks
  // that follow a pause in typing add or take away lines under fields, moving what is below.
  async function clickPlaced(page, pointer) {
    // Once the studio has settled: a list that just opened, or a field that just closed, moves
    // things in the frames after the click.
    const where = await page.waitForFunction((name) => {
      if (Module._trialmatch_studio_pending_frames() > 0) return null;
      const d = JSON.parse(UTF8ToString(Module._trialmatch_studio_describe()));
      return d.settled ? d.placed.find((p) => p.pointer === name) : null;
    }, pointer, { timeout: 5000 }).then((h) => h.jsonValue()).catch(() => null);
    if (!where) {
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, "studio-not-drawn.png") });
      const d = await describe(page);
      assert.fail(`${pointer} is not drawn (drawn: ${d.placed.map((p) => p.pointer).join(", ")})`);
    }
    await page.mouse.click(where.x, where.y);
  }

  return { openStudio, describe, caughtUp, nextChooser, openFile, clickPlaced };
}
