// Embedded in a sponsor's page on another origin: the host receives exactly ready and one
// height at load, and the summary only after the person presses "Send to the study team"
// and confirms, seeing the frame whole, and only if the deployment allows that host.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { serve, launchBrowser, ARTIFACTS_DIR, press, enterNumber, words } from "./support.mjs";

let app, bare, host, stranger, browser;
const appFiles = {};  // the app site's deploy-config.json, once the host's origin is known

const hostPage = (appUrl) => `<!doctype html><html><head><meta charset="utf-8"><title>Sponsor</title></head>
<body style="margin:0">
<h1 style="margin:0;height:60px">A sponsor's page</h1>
<div id="box" data-trialmatch data-trial="trials/NCT04979910.json" data-lang="en" data-accent="#7a1f5f"></div>
<script>
  window.raw = [];     // every message this page receives, from anywhere
  window.events = [];  // what embed.js hands the page
  window.addEventListener("message", (e) => window.raw.push({ origin: e.origin, data: e.data }));
  const box = document.getElementById("box");
  for (const type of ["ready", "share"])
    box.addEventListener("trialmatch:" + type, (e) => window.events.push({ type, detail: e.detail ?? null }));
</script>
<script src="${appUrl}/embed.js"></script>
</body></html>`;

before(async () => {
  app = await serve(undefined, appFiles);
  host = await serve(undefined, { "/sponsor.html": hostPage(app.url) });
  // An app server that sends no headers (a deployment that forgot them): the app itself
  // must still refuse a host that is not allowed.
  bare = await serve(undefined, appFiles, { headers: false });
  stranger = await serve(undefined, { "/sponsor.html": hostPage(app.url), "/sponsor-bare.html": hostPage(bare.url) });
  appFiles["/deploy-config.json"] = JSON.stringify({ share_origins: [host.url] });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app?.close();
  await host?.close();
  await stranger?.close();
  await bare?.close();
});

async function frameOf(page) {
  const handle = await page.waitForSelector("#box iframe");
  const frame = await handle.contentFrame();
  await frame.waitForFunction(() => window.trialmatch && window.trialmatch.ready && window.trialmatch.describe().screen === "welcome",
                              null, { timeout: 20000 });
  return { frame, handle };
}

test("the host gets ready and one height only, then the summary after consent", async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
  const page = await context.newPage();
  if (process.env.DEBUG_EMBED) {
    page.on("framenavigated", (f) => console.log("navigated", f.url()));
    page.on("console", (m) => console.log("console", m.text()));
    page.on("pageerror", (e) => console.log("pageerror", e.message));
  }
  await page.goto(`${host.url}/sponsor.html`);
  const { frame, handle } = await frameOf(page);
  assert.notEqual(new URL(host.url).origin, new URL(app.url).origin, "the host is another origin");

  // The frame sizes itself to its content.
  await page.waitForFunction(() => window.raw.some((m) => m.data && m.data.type === "height"));
  const box = await handle.boundingBox();
  const reported = await page.evaluate(() => window.raw.filter((m) => m.data.type === "height").at(-1).data.height);
  const most = Math.floor(844 * 0.9);
  assert.ok(Math.abs(box.height - Math.min(Math.max(320, reported), most)) <= 1, `frame height ${box.height} follows ${reported}`);

  // Complete the questionnaire inside the frame (clicks land on the frame's canvas).
  const clickIn = async (id) => {
    let shown = await frame.evaluate(() => window.trialmatch.describe());
    let b = shown.buttons.find((x) => x.id === id);
    assert.ok(b, `button ${id} on ${shown.screen}`);
    let frameBox = await handle.boundingBox();
    // Later screens scroll inside the frame: wheel over it until the button shows.
    for (let i = 0; i < 20 && !b.visible; i++) {
      await page.mouse.move(frameBox.x + frameBox.width / 2, Math.max(frameBox.y, 0) + 100);
      await page.mouse.wheel(0, b.y < 0 ? -300 : 300);
      await frame.waitForFunction(() => window.trialmatch.pendingFrames() === 0);
      shown = await frame.evaluate(() => window.trialmatch.describe());
      b = shown.buttons.find((x) => x.id === id);
      frameBox = await handle.boundingBox();
    }
    // The frame is as tall as its content: scroll the sponsor's page to the button first.
    const viewport = page.viewportSize();
    const y = frameBox.y + b.y + b.h / 2;
    if (y < 0 || y > viewport.height) {
      await page.evaluate((dy) => window.scrollBy(0, dy), y - viewport.height / 2);
      frameBox = await handle.boundingBox();
    }
    if (process.env.DEBUG_EMBED) console.log("click", id, frameBox.y, b.y, frame.url());
    await page.mouse.click(frameBox.x + b.x + b.w / 2, frameBox.y + b.y + b.h / 2);
    await frame.waitForFunction(() => window.trialmatch.pendingFrames() === 0);
    await page.waitForTimeout(50);
  };
  // Changes of language and text size do not show in the height.
  // (A click that lands while the frame is still settling can be lost: click until it shows.)
  const until = async (id, done) => {
    for (let i = 0; i < 4 && !done(await frame.evaluate(() => window.trialmatch.describe())); i++) await clickIn(id);
  };
  await until("lang", (d) => d.lang === "es");
  await until("text_size", (d) => d.text_size === 125);
  await until("text_size", (d) => d.text_size === 150);
  await until("lang", (d) => d.lang === "en");
  assert.deepEqual(await frame.evaluate(() => [window.trialmatch.describe().lang, window.trialmatch.describe().text_size]), ["en", 150]);
  const heightsBeforeStart = await page.evaluate(() => window.raw.filter((m) => m.data.type === "height").length);
  assert.equal(heightsBeforeStart, 1, "the height is told once");
  await clickIn("start");
  for (const key of ["key:1", "key:6", "continue"]) await clickIn(key);  // 16: not eligible
  const before = await frame.evaluate(() => window.trialmatch.describe());
  assert.equal(before.screen, "review", JSON.stringify(before.question));
  await clickIn("see_result");
  assert.equal((await frame.evaluate(() => window.trialmatch.describe())).screen, "result");
  await page.waitForTimeout(500);
  const heights = await page.evaluate(() => window.raw.filter((m) => m.data.type === "height").length);
  await page.waitForTimeout(300);

  let raw = await page.evaluate(() => window.raw);
  for (const m of raw) assert.equal(m.origin, new URL(app.url).origin, "messages come only from the app's origin");
  const types = [...new Set(raw.map((m) => m.data.type))].sort();
  assert.deepEqual(types, ["height", "ready"], "nothing else crosses before consent, not even reaching a result");
  const text = JSON.stringify(raw);
  assert.ok(!/verdict|not_eligible|eligible|age|16/.test(text.replace(/"height":\d+/g, "")), "no verdict, no answer: " + text);

  // The frame's height was told on the welcome screen only: nothing after "Start" hints at the path.
  assert.equal(heightsBeforeStart, heights, "no height message after the questions began");

  // Sharing: the person presses "Send to the study team", then confirms.
  await clickIn("share");
  const confirm = await frame.evaluate(() => window.trialmatch.describe());
  assert.equal(confirm.screen, "share_confirm");
  assert.ok(words(confirm).includes(`They will go to this website: ${host.url}`), "the confirm screen names the receiving site: " + JSON.stringify(words(confirm)));
  // A second click hurried onto the confirm button (within a second) does nothing.
  await clickIn("share_confirm");
  assert.equal((await frame.evaluate(() => window.trialmatch.describe())).screen, "share_confirm", "too soon");
  await page.waitForTimeout(1100);
  // Nor does a click while the host lays something over the frame, or makes it see-through.
  await page.evaluate(() => {
    const r = document.querySelector("#box iframe").getBoundingClientRect();
    const decoy = document.createElement("div");
    decoy.id = "decoy";
    decoy.textContent = "Win a prize!";
    decoy.style.cssText = `position:fixed;left:${r.left}px;top:${r.top}px;width:${r.width}px;height:${r.height}px;` +
      "background:rgba(255,255,255,0.95);pointer-events:none;z-index:10";
    document.body.appendChild(decoy);
  });
  await page.waitForTimeout(400);
  await clickIn("share_confirm");
  assert.equal((await frame.evaluate(() => window.trialmatch.describe())).screen, "share_confirm", "covered");
  await page.evaluate(() => { document.getElementById("decoy").remove(); document.querySelector("#box iframe").style.opacity = "0.05"; });
  await page.waitForTimeout(400);
  await clickIn("share_confirm");
  assert.equal((await frame.evaluate(() => window.trialmatch.describe())).screen, "share_confirm", "see-through");
  raw = await page.evaluate(() => window.raw);
  assert.ok(!raw.some((m) => m.data.type === "share"), "nothing is sent before the person confirms, seeing the frame");
  await page.evaluate(() => { document.querySelector("#box iframe").style.opacity = ""; });
  // Nor while the page says it is hidden (another tab in front).
  const setVisibility = (state) => frame.evaluate((v) => {
    Object.defineProperty(document, "visibilityState", { get: () => v, configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
  }, state);
  await setVisibility("hidden");
  await page.waitForTimeout(400);
  await clickIn("share_confirm");
  assert.equal((await frame.evaluate(() => window.trialmatch.describe())).screen, "share_confirm", "hidden");
  await setVisibility("visible");
  await page.waitForTimeout(400);
  await clickIn("share_confirm");
  await page.waitForFunction(() => window.events.some((e) => e.type === "share"));
  const share = await page.evaluate(() => window.events.find((e) => e.type === "share").detail.summary);
  assert.equal(share.verdict, "not_eligible");
  assert.equal(share.trial, "NCT04979910");
  assert.deepEqual(share.answers, { age: 16 });
  await frame.waitForFunction(() => window.trialmatch.pendingFrames() === 0);
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, "embedded-after-share-en-phone.png"), fullPage: true });
  await context.close();
});

test("embed.js ignores look-alike messages from anywhere but its own frame", async () => {
  const page = await browser.newPage();
  await page.goto(`${host.url}/sponsor.html`);
  await frameOf(page);
  await page.evaluate(() => window.postMessage({ source: "trialmatch", type: "share", summary: { fake: true } }, "*"));
  await page.evaluate(() => window.postMessage({ source: "trialmatch", type: "ready" }, "*"));
  await page.waitForTimeout(300);
  const events = await page.evaluate(() => window.events.map((e) => e.type));
  assert.deepEqual(events, ["ready"]);
  await page.close();
});

test("without a valid host, the app offers no 'Send to the study team'", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${app.url}/?embed=1&lang=en`);
  await page.waitForFunction(() => window.trialmatch && window.trialmatch.ready && window.trialmatch.describe().screen === "welcome");
  await press(page, "start");
  await enterNumber(page, 16);
  const shown = await press(page, "see_result");
  assert.equal(shown.screen, "result");
  assert.ok(!shown.buttons.some((b) => b.id === "share"));
  await page.close();
});

test("the page run on its own posts nothing, and a bad host origin gets nothing", async () => {
  const page = await browser.newPage();
  await page.goto(`${app.url}/?embed=1&host=javascript:alert(1)`);
  await page.waitForFunction(() => window.trialmatch && window.trialmatch.ready);
  const posted = await page.evaluate(() => {
    const seen = [];
    window.addEventListener("message", (e) => seen.push(e.data));
    window.trialmatch.postToHost({ type: "ready" });
    return new Promise((r) => setTimeout(() => r(seen), 200));
  });
  assert.deepEqual(posted, []);
  await page.close();
});

test("a host the deployment does not allow cannot even show the app (frame-ancestors)", async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${stranger.url}/sponsor.html`);
  const handle = await page.waitForSelector("#box iframe");
  await page.waitForTimeout(2000);
  const frame = await handle.contentFrame();
  const started = await frame.evaluate(() => !!(window.trialmatch && window.trialmatch.ready)).catch(() => false);
  assert.equal(started, false, "the browser refuses to show the app inside a page that is not allowed");
  assert.deepEqual(await page.evaluate(() => window.raw), []);
  await page.close();
});

test("a host the deployment does not allow hears nothing and is offered no share, even without the headers", async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${stranger.url}/sponsor-bare.html`);
  const { frame } = await frameOf(page);
  // Straight to a result (not eligible at 16), pressing the mirror's buttons.
  for (const id of ["start", "key:1", "key:6", "continue", "see_result"]) {
    await frame.waitForFunction((b) => window.trialmatch.pendingFrames() === 0 &&
      !!document.querySelector(`#a11y button[data-id="${b}"]`), id);
    await frame.evaluate((b) => document.querySelector(`#a11y button[data-id="${b}"]`).click(), id);
  }
  await frame.waitForFunction(() => window.trialmatch.pendingFrames() === 0 && window.trialmatch.describe().screen === "result");
  const shown = await frame.evaluate(() => window.trialmatch.describe());
  assert.ok(!shown.buttons.some((b) => b.id === "share"), "no 'Send to the study team'");
  await page.waitForTimeout(500);
  assert.deepEqual(await page.evaluate(() => window.raw), [], "not even ready or a height");
  await page.close();
});
