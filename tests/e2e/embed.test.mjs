// Embedded in a sponsor's page on another origin: the host receives exactly ready and one
// height at load, and the summary only after the person presses "Send to the study team"
// and confirms in the app's own window, and only if the deployment allows that host.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launchBrowser, notEligibleResult, press, enterNumber, settled, screenshot, waitForScreen, embeddedApp, pressInMirror,
         messageFence, openShareWindow, answerShareWindow, words } from "./support.mjs";

let app, bare, host, stranger, browser;
const appFiles = {};  // the app site's deploy-config.json, once the host's origin is known

const hostPage = (appUrl, what = 'data-trial="trials/NCT04979910.json"') => `<!doctype html><html><head><meta charset="utf-8"><title>Sponsor</title></head>
<body style="margin:0">
<h1 style="margin:0;height:60px">A sponsor's page</h1>
<div id="box" data-trialmatch ${what} data-lang="en" data-accent="#7a1f5f"></div>
<script>
  window.raw = [];     // every message this page receives, from anywhere (but a test's fence)
  window.events = [];  // what embed.js hands the page
  window.addEventListener("message", (e) => { if (!(e.data && e.data.testFence)) window.raw.push({ origin: e.origin, data: e.data }); });
  const box = document.getElementById("box");
  for (const type of ["ready", "share"])
    box.addEventListener("trialmatch:" + type, (e) => window.events.push({ type, detail: e.detail ?? null }));
</script>
<script src="${appUrl}/embed.js"></script>
</body></html>`;

// A page that frames the app itself (no embed.js), naming `named` as the host, and answers
// "ready" on behalf of any page, again and again, as a forger would.
const namesAnother = (appUrl, named) => `<!doctype html><html><head><meta charset="utf-8"><title>Not the host</title></head>
<body style="margin:0"><div id="box"><iframe src="${appUrl}/index.html?embed=1&lang=en&host=${encodeURIComponent(named)}"
  style="display:block;width:390px;height:700px;border:0"></iframe></div>
<script>
  window.raw = [];
  window.addEventListener("message", (e) => { if (!(e.data && e.data.testFence)) window.raw.push({ origin: e.origin, data: e.data }); });
  const frame = document.querySelector("iframe");
  setInterval(() => frame.contentWindow.postMessage({ source: "trialmatch-host", type: "ready" }, "*"), 50);
</script></body></html>`;

before(async () => {
  app = await serve(undefined, appFiles);
  host = await serve(undefined, { "/sponsor.html": hostPage(app.url),
                                  "/catalog.html": hostPage(app.url, 'data-catalog="catalogs/depression.json"'),
                                  "/names-the-app.html": namesAnother(app.url, app.url) });
  // An app server that sends no headers (a deployment that forgot them): the app itself
  // must still refuse a host that is not allowed.
  bare = await serve(undefined, appFiles, { headers: false });
  stranger = await serve(undefined, { "/sponsor.html": hostPage(app.url), "/sponsor-bare.html": hostPage(bare.url),
                                      "/names-the-app.html": namesAnother(bare.url, bare.url) });
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

test("the host gets ready and one height only, then the summary after consent", async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
  const page = await context.newPage();
  if (process.env.DEBUG_EMBED) {
    page.on("framenavigated", (f) => console.log("navigated", f.url()));
    page.on("console", (m) => console.log("console", m.text()));
    page.on("pageerror", (e) => console.log("pageerror", e.message));
  }
  await page.goto(`${host.url}/sponsor.html`);
  const { frame, handle } = await embeddedApp(page);
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
      const { top = 0, bottom = frameBox.height } = shown.scroll ?? {};
      const by = b.y + b.h / 2 - (top + bottom) / 2;
      await page.mouse.wheel(0, Math.sign(by) * Math.max(40, Math.min(300, Math.abs(by))));
      shown = await settled(frame);
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
    return settled(frame);
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
  assert.equal((await clickIn("see_result")).screen, "result");
  // Everything the app posted up to the drawn result has reached the host page.
  await messageFence(frame, page);
  const heights = await page.evaluate(() => window.raw.filter((m) => m.data.type === "height").length);

  let raw = await page.evaluate(() => window.raw);
  for (const m of raw) assert.equal(m.origin, new URL(app.url).origin, "messages come only from the app's origin");
  const types = [...new Set(raw.map((m) => m.data.type))].sort();
  assert.deepEqual(types, ["height", "ready"], "nothing else crosses before consent, not even reaching a result");
  // Only what the messages carry is searched: the origin (checked above) holds a random port,
  // which can contain "16" by chance.
  const text = JSON.stringify(raw.map((m) => m.data));
  assert.ok(!/verdict|not_eligible|eligible|age|16/.test(text.replace(/"height":\d+/g, "")), "no verdict, no answer: " + text);

  // The frame's height was told on the welcome screen only: nothing after "Start" hints at the path.
  assert.equal(heightsBeforeStart, heights, "no height message after the questions began");

  // Sharing: the person presses "Send to the study team"; the frame says to answer in the
  // app's own window, which names the receiving site, and only its "Yes" sends.
  const popup = await openShareWindow(frame);
  const confirm = await settled(frame);
  assert.equal(confirm.screen, "share_confirm");
  assert.ok(!confirm.buttons.some((b) => /confirm|yes/.test(b.id)), "the frame itself offers no way to confirm");
  assert.ok(words(confirm).includes(`They will go to this website: ${host.url}`), "the frame names the receiving site: " + JSON.stringify(words(confirm)));
  assert.equal(new URL(popup.url()).origin, new URL(app.url).origin, "the window is the app's own");
  assert.ok((await popup.innerText("#receiver")).includes(host.url));
  raw = await page.evaluate(() => window.raw);
  assert.ok(!raw.some((m) => m.data.type === "share"), "nothing is sent before the person confirms");
  await answerShareWindow(popup, "yes");
  await page.waitForFunction(() => window.events.some((e) => e.type === "share"));
  const share = await page.evaluate(() => window.events.find((e) => e.type === "share").detail.summary);
  assert.equal(share.verdict, "not_eligible");
  assert.equal(share.trial, "NCT04979910");
  assert.deepEqual(share.answers, { age: 16 });
  await screenshot(page, "embedded-after-share-en-phone", { app: frame, fullPage: true });
  await context.close();
});

test("embedded with a catalog: the person opens one study's result and sends that study's summary only", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${host.url}/catalog.html`);
  const { frame } = await embeddedApp(page);
  let shown = await settled(frame);
  assert.equal(shown.title, "Depression studies that test medicines for inflammation");
  await pressInMirror(frame, "start");
  await pressInMirror(frame, "skip_zip");
  for (const d of "16") await pressInMirror(frame, `key:${d}`);
  await pressInMirror(frame, "continue");
  await pressInMirror(frame, "see_result");
  shown = await pressInMirror(frame, "study:NCT06136546");
  assert.equal(shown.study, "NCT06136546");
  let raw = await page.evaluate(() => window.raw.map((m) => m.data.type));
  assert.deepEqual([...new Set(raw)].sort(), ["height", "ready"], "nothing crosses before the person shares");
  await answerShareWindow(await openShareWindow(frame), "yes");
  assert.equal((await settled(frame)).screen, "result");
  await page.waitForFunction(() => window.events.some((e) => e.type === "share"));
  const shares = await page.evaluate(() => window.events.filter((e) => e.type === "share").map((e) => e.detail.summary));
  assert.equal(shares.length, 1);
  assert.equal(shares[0].trial, "NCT06136546");
  assert.equal(shares[0].verdict, "not_eligible");
  assert.deepEqual(shares[0].answers, { age: 16 });
  await context.close();
});

test("embed.js ignores look-alike messages from anywhere but its own frame", async () => {
  const page = await browser.newPage();
  await page.goto(`${host.url}/sponsor.html`);
  await embeddedApp(page);
  await page.evaluate(() => window.postMessage({ source: "trialmatch", type: "share", summary: { fake: true } }, "*"));
  await page.evaluate(() => window.postMessage({ source: "trialmatch", type: "ready" }, "*"));
  await messageFence(page);  // embed.js has seen both
  const events = await page.evaluate(() => window.events.map((e) => e.type));
  assert.deepEqual(events, ["ready"]);
  await page.close();
});

test("without a valid host, the app offers no 'Send to the study team'", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${app.url}/?embed=1&lang=en`);
  await waitForScreen(page, "welcome");
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
    // A fence: a message posted now arrives after anything postToHost posted to this window.
    return new Promise((r) => {
      window.addEventListener("message", (e) => { if (e.data === "fence") r(seen.slice(0, -1)); });
      window.postMessage("fence", "*");
    });
  });
  assert.deepEqual(posted, []);
  await page.close();
});

test("a host the deployment does not allow cannot even show the app (frame-ancestors)", async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${stranger.url}/sponsor.html`);
  const handle = await page.waitForSelector("#box iframe");
  const frame = await handle.contentFrame();
  // Until the browser has decided: its error page in the frame, or the app started.
  let outcome = null;
  for (const end = Date.now() + 20000; !outcome && Date.now() < end;) {
    if (frame.url().startsWith("chrome-error:")) outcome = "refused";
    else if (await frame.evaluate(() => !!(window.trialmatch && window.trialmatch.ready)).catch(() => false)) outcome = "started";
    else await frame.waitForLoadState("load").catch(() => {});
  }
  assert.equal(outcome, "refused", "the browser refuses to show the app inside a page that is not allowed");
  assert.deepEqual(await page.evaluate(() => window.raw), []);
  await page.close();
});

// Straight to a result (not eligible at 16): no "Send to the study team" there, and nothing
// at all reached the page around the frame.
async function assertNoShareOffered(frame, page, nothing) {
  const shown = await notEligibleResult(frame);
  assert.equal(shown.screen, "result");
  assert.ok(!shown.buttons.some((b) => b.id === "share"), "no 'Send to the study team'");
  await messageFence(frame, page);
  assert.deepEqual(await page.evaluate(() => window.raw), [], nothing);
}

test("a host the deployment does not allow hears nothing and is offered no share, even without the headers", async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${stranger.url}/sponsor-bare.html`);
  const { frame } = await embeddedApp(page);
  // The app has its deployment's answer (deploy-config.json) before the person goes on.
  await frame.waitForFunction(() => performance.getEntriesByType("resource").some((e) => e.name.endsWith("/deploy-config.json") && e.responseEnd > 0));
  await assertNoShareOffered(frame, page, "not even ready or a height");
  await page.close();
});

// Issue 24: a page could name the app's own origin as the host (?host=), and the app offered
// "Send to the study team" and said it had sent, though nothing could reach that page. The
// host must be the page that holds the frame: the browser's word for the parent's origin,
// and an answer to "ready" from the parent window at the named origin.
for (const [who, url] of [["a page not allowed, on a server without the headers", () => `${stranger.url}/names-the-app.html`],
                          ["an allowed page naming another origin than its own", () => `${host.url}/names-the-app.html`]]) {
  test(`no share is offered to a page that names the app's own origin as the host: ${who}`, async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(url());
    const handle = await page.waitForSelector("#box iframe");
    const frame = await handle.contentFrame();
    await waitForScreen(frame, "welcome");
    await frame.waitForFunction(() => performance.getEntriesByType("resource").some((e) => e.name.endsWith("/deploy-config.json") && e.responseEnd > 0));
    await assertNoShareOffered(frame, page, "nothing reached the page");
    await page.close();
  });
}
