// A kiosk's wipe looks the same whatever screen was showing (issue 24: from the crisis support
// screen a wipe came without a countdown, then a second reload one idle period later, and an
// embedding page got one message instead of two, so the server's log and the page could tell
// who left from that screen). A person walks away from a question, the review, a result and
// the support screen in turn; the server's view (the requests, from the last touch) and the
// embedding page's view (the frame's loads and messages, from the last touch) must be the
// same for each, and in time.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launchBrowser, waitForScreen, pressInMirror, settled } from "./support.mjs";

const IDLE = 3;  // seconds; the countdown is as long (min(15, idle))
const WATCH_MS = (IDLE * 2 + IDLE * 2 + 3) * 1000;  // the wipe, then two more idle periods

let app, host, browser;
const appFiles = {};
const hostFiles = {};

// A sponsor's page of another origin that frames the kiosk and records what it can see of it.
const hostPage = (appUrl, hostOrigin) => `<!doctype html><html><head><meta charset="utf-8"><title>Clinic</title></head>
<body style="margin:0"><div id="box"><iframe id="app"
  src="${appUrl}/index.html?embed=1&mode=kiosk&idle=${IDLE}&lang=en&host=${encodeURIComponent(hostOrigin)}"
  style="display:block;width:1080px;height:900px;border:0"></iframe></div>
<script>
  window.view = [];
  const frame = document.getElementById("app");
  frame.addEventListener("load", () => window.view.push({ what: "load", at: Date.now() }));
  window.addEventListener("message", (e) => {
    if (e.source !== frame.contentWindow || !e.data || e.data.source !== "trialmatch") return;
    window.view.push({ what: e.data.type, at: Date.now() });
    if (e.data.type === "ready") frame.contentWindow.postMessage({ source: "trialmatch-host", type: "ready" }, ${JSON.stringify(new URL(appUrl).origin)});
  });
</script></body></html>`;

before(async () => {
  app = await serve(undefined, appFiles);
  host = await serve(undefined, hostFiles);
  appFiles["/deploy-config.json"] = JSON.stringify({ share_origins: [host.url] });
  hostFiles["/clinic.html"] = hostPage(app.url, host.url);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app?.close();
  await host?.close();
});

// The ways to the screen a person walks away from, by the frame's own buttons.
const SCREENS = {
  question: ["start", "key:4", "key:5", "continue"],
  review: ["start", "key:1", "key:6", "continue"],
  result: ["start", "key:1", "key:6", "continue", "see_result"],
  support: ["start", "key:4", "key:5", "continue", "help"],
};

// What the server and the host page see from the last touch on: each event with its time
// after that touch, in milliseconds. The touch happened between two readings of the clock (a
// loaded machine takes a while to deliver it and draw what follows); times are counted from
// the first, and `uncertainty` is the gap between them.
async function walkAwayFrom(screen) {
  const context = await browser.newContext({ viewport: { width: 1080, height: 1000 }, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${host.url}/clinic.html`);
  const frame = await (await page.waitForSelector("#app")).contentFrame();
  await waitForScreen(frame, "welcome");
  let shown;
  const ids = SCREENS[screen];
  for (const id of ids.slice(0, -1)) shown = await pressInMirror(frame, id);
  const touched = await page.evaluate(() => Date.now());  // just before the last touch
  shown = await pressInMirror(frame, ids[ids.length - 1]);
  const uncertainty = (await page.evaluate(() => Date.now())) - touched;  // until just after it
  assert.equal(shown.screen, screen);
  app.requests.length = 0;
  await page.evaluate(() => { window.view = []; });
  await page.waitForTimeout(WATCH_MS);
  const requests = app.requests.map((r) => ({ what: `${r.method} ${new URL(r.path, "http://x").pathname}`, after: r.at - touched }));
  const view = (await page.evaluate(() => window.view)).map((v) => ({ what: v.what, after: v.at - touched }));
  const after = await settled(page.frames().find((f) => f.url().includes("mode=kiosk")));
  await context.close();
  return { requests, view, after: after.screen, uncertainty };
}

test("a kiosk's wipe is the same one load, the same messages, at the same moment, from every screen", async () => {
  const seen = {};
  for (const screen of Object.keys(SCREENS)) seen[screen] = await walkAwayFrom(screen);
  const expectedWipe = IDLE * 2 * 1000;  // the idle time, then the countdown
  for (const [screen, s] of Object.entries(seen)) {
    // The host page: one load of the frame, then "ready", and nothing more (no height after a wipe).
    assert.deepEqual([...s.view.map((v) => v.what)].sort(), ["load", "ready"], `${screen}: ${JSON.stringify(s.view)}`);
    const load = s.view.find((v) => v.what === "load");
    assert.ok(load.after >= expectedWipe - 300 && load.after < expectedWipe + s.uncertainty + 3000,
              `${screen}: the wipe came ${load.after} ms after the last touch (give or take ${s.uncertainty} ms)`);
    // The server: the page's address once, and no request before the wipe.
    const pages = s.requests.filter((r) => r.what === "GET /index.html");
    assert.equal(pages.length, 1, `${screen}: one page load: ${JSON.stringify(s.requests)}`);
    assert.ok(s.requests.every((r) => r.after >= expectedWipe - 300), `${screen}: nothing before the wipe: ${JSON.stringify(s.requests)}`);
  }
  // And the same for every screen: the same requests and messages, within a second of each other.
  const [first, ...rest] = Object.keys(seen);
  const shape = (s) => ({ requests: s.requests.map((r) => r.what).sort(), view: s.view.map((v) => v.what) });
  for (const screen of rest) {
    assert.deepEqual(shape(seen[screen]), shape(seen[first]), `${screen} looks like ${first}`);
    const pageAt = (s) => s.requests.find((r) => r.what === "GET /index.html").after;
    assert.ok(Math.abs(pageAt(seen[screen]) - pageAt(seen[first])) < 1000 + seen[screen].uncertainty + seen[first].uncertainty,
              `${screen}'s wipe at ${pageAt(seen[screen])} ms (give or take ${seen[screen].uncertainty}), ` +
              `${first}'s at ${pageAt(seen[first])} ms (give or take ${seen[first].uncertainty})`);
  }
  // In the end every kiosk shows the welcome screen (after the support screen, once its numbers
  // have stayed up one more idle period on the fresh page: page_lifecycle.test.mjs).
  for (const [screen, s] of Object.entries(seen)) assert.equal(s.after, "welcome", screen);
});
