// A share is confirmed only in a window of the app's own (web/confirm.html), never in the
// frame: a host page can clip, mask, filter, transform, cover, crop or fade the frame in ways
// no script inside it can detect (issue 24: a clip-path left only "Yes, send them" showing,
// and the confirm went through). Whatever the host does to the frame, the window shows the
// whole confirmation, the frame offers no "Yes" of its own, a forged or hurried answer sends
// nothing, and where no window can open, nothing is sent and the frame says why.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launchBrowser, settled, embeddedApp, pressInMirror, notEligibleResult, messageFence, openShareWindow,
         answerShareWindow, pressByKeyboard, words, screenshot } from "./support.mjs";

let app, host, browser;
const appFiles = {};
const hostFiles = {};  // the host's pages, once both origins are known

const hostPage = (appUrl) => `<!doctype html><html><head><meta charset="utf-8"><title>Sponsor</title></head>
<body style="margin:0">
<h1 style="margin:0;height:60px">A sponsor's page</h1>
<div id="outer"><div id="box" data-trialmatch data-trial="trials/NCT04979910.json" data-lang="en"></div></div>
<script>
  window.raw = [];
  window.addEventListener("message", (e) => { if (!(e.data && e.data.testFence)) window.raw.push({ origin: e.origin, data: e.data }); });
</script>
<script src="${appUrl}/embed.js"></script>
</body></html>`;

// A host that frames the app itself in a sandbox without "allow-popups" (so no window can
// open), answering "ready" as embed.js would.
const sandboxedHost = (appUrl, hostOrigin) => `<!doctype html><html><head><meta charset="utf-8"><title>Sponsor</title></head>
<body style="margin:0"><div id="box"><iframe sandbox="allow-scripts allow-same-origin"
  src="${appUrl}/index.html?embed=1&lang=en&host=${encodeURIComponent(hostOrigin)}"
  style="display:block;width:390px;height:760px;border:0"></iframe></div>
<script>
  window.raw = [];
  const frame = document.querySelector("iframe");
  window.addEventListener("message", (e) => {
    if (e.data && e.data.testFence) return;
    window.raw.push({ origin: e.origin, data: e.data });
    if (e.source === frame.contentWindow && e.data && e.data.type === "ready")
      frame.contentWindow.postMessage({ source: "trialmatch-host", type: "ready" }, ${JSON.stringify(new URL(appUrl).origin)});
  });
</script></body></html>`;

before(async () => {
  app = await serve(undefined, appFiles);
  host = await serve(undefined, hostFiles);
  hostFiles["/sponsor.html"] = hostPage(app.url);
  hostFiles["/sandboxed.html"] = sandboxedHost(app.url, host.url);
  appFiles["/deploy-config.json"] = JSON.stringify({ share_origins: [host.url] });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app?.close();
  await host?.close();
});

// What a host page can do to the frame with CSS, each undone before the next.
const TRICKS = {
  "clip-path on the frame": (f) => { f.style.clipPath = "inset(80% 0 5% 0)"; },
  "clip-path on an ancestor": (f) => { document.getElementById("outer").style.clipPath = "inset(85% 0 0 0)"; },
  "mask-image": (f) => { f.style.maskImage = f.style.webkitMaskImage = "linear-gradient(transparent 80%, black 80%)"; },
  "filter: opacity": (f) => { f.style.filter = "opacity(0.03)"; },
  "filter: blur": (f) => { f.style.filter = "blur(12px)"; },
  "transform": (f) => { f.style.transform = "scale(0.15) rotate(3deg)"; f.style.transformOrigin = "0 100%"; },
  "opacity": (f) => { f.style.opacity = "0.02"; },
  "an overlay over all but a button": (f) => {
    const r = f.getBoundingClientRect();
    const cover = document.createElement("div");
    cover.id = "cover";
    cover.textContent = "Win a prize! Press the button below.";
    cover.style.cssText = `position:fixed;left:${r.left}px;top:${r.top}px;width:${r.width}px;height:${r.height * 0.8}px;` +
      "background:#fff;z-index:10;pointer-events:none;font:24px sans-serif";
    document.body.appendChild(cover);
  },
  "cropping by a small box": (f) => {
    const outer = document.getElementById("outer");
    outer.style.height = "60px";
    outer.style.overflow = "hidden";
    f.style.marginTop = "-500px";
  },
};
function undoTricks() {
  const f = document.querySelector("#box iframe");
  for (const p of ["clipPath", "maskImage", "webkitMaskImage", "filter", "transform", "transformOrigin", "opacity", "marginTop"]) f.style[p] = "";
  const outer = document.getElementById("outer");
  outer.style.clipPath = outer.style.height = outer.style.overflow = "";
  document.getElementById("cover")?.remove();
}

async function toResult(frame) {
  assert.equal((await notEligibleResult(frame)).screen, "result");
}

const shares = (page) => page.evaluate(() => window.raw.filter((m) => m.data && m.data.type === "share").length);

test("whatever the host does to the frame, the share is confirmed in the app's own window, shown whole", async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${host.url}/sponsor.html`);
  const { frame } = await embeddedApp(page);
  await toResult(frame);
  for (const [name, trick] of Object.entries(TRICKS)) {
    await page.evaluate(`(${trick.toString()})(document.querySelector("#box iframe"))`);
    const popup = await openShareWindow(frame);
    // The window is the app's own page, at the app's origin, and shows every word of the confirmation.
    const url = new URL(popup.url());
    assert.equal(url.origin, new URL(app.url).origin, name);
    assert.equal(url.pathname, "/confirm.html", name);
    assert.equal(url.hash, "", `${name}: the nonce leaves the address at once`);
    const shown = await popup.evaluate(() => ["heading", "study", "body", "receiver", "yes", "no"].map((id) => {
      const e = document.getElementById(id);
      const r = e.getBoundingClientRect();
      return { id, text: e.innerText, visible: r.width > 0 && r.height > 0 && r.bottom <= window.innerHeight + 400 };
    }));
    const text = Object.fromEntries(shown.map((s) => [s.id, s.text]));
    assert.equal(text.heading, "Send your answers to the study team?", name);
    assert.match(text.study, /^Study: /, name);
    assert.match(text.body, /Nothing is sent unless you say yes/, name);
    assert.equal(text.receiver, `They will go to this website: ${host.url}`, name);
    assert.equal(text.yes, "Yes, send them", name);
    for (const s of shown) assert.ok(s.visible, `${name}: ${s.id} is shown`);
    // The frame meanwhile only says where to look: it has no "Yes" of its own.
    const inFrame = await settled(frame);
    assert.equal(inFrame.screen, "share_confirm", name);
    assert.deepEqual(inFrame.buttons.map((b) => b.id).filter((id) => /^share/.test(id)).sort(), ["share_again", "share_cancel"], name);
    assert.ok(words(inFrame).some((w) => /answer in the new window/i.test(w)), name);
    if (name === "clip-path on the frame") {
      await screenshot(page, "share-window-host-clipped-en-phone", { app: frame });
      await screenshot(popup, "share-window-en", { app: frame });
    }
    // "No, go back": the window closes, the frame shows the result again, nothing is sent.
    await answerShareWindow(popup, "no");
    assert.equal((await settled(frame)).screen, "result", name);
    await messageFence(frame, page);
    assert.equal(await shares(page), 0, `${name}: nothing sent`);
    await page.evaluate(undoTricks);
  }
  // And "Yes", with the frame clipped: exactly one share, after the person's own yes.
  await page.evaluate(`(${TRICKS["clip-path on the frame"].toString()})(document.querySelector("#box iframe"))`);
  const popup = await openShareWindow(frame);
  await answerShareWindow(popup, "yes");
  assert.equal((await settled(frame)).screen, "result");
  await messageFence(frame, page);
  assert.equal(await shares(page), 1);
  const summary = await page.evaluate(() => window.raw.find((m) => m.data.type === "share").data.summary);
  assert.deepEqual(summary.answers, { age: 16 });
  await context.close();
});

test("Spanish: the window speaks the person's language", async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${host.url}/sponsor.html`);
  const { frame } = await embeddedApp(page);
  await pressInMirror(frame, "lang");
  await toResult(frame);
  const popup = await openShareWindow(frame);
  assert.equal(await popup.evaluate(() => document.documentElement.lang), "es");
  assert.equal(await popup.innerText("#heading"), "¿Enviar sus respuestas al equipo del estudio?");
  assert.equal(await popup.innerText("#yes"), "Sí, enviarlas");
  await screenshot(popup, "share-window-es", { app: frame });
  await answerShareWindow(popup, "no");
  await context.close();
});

test("a forged, hurried or stray answer sends nothing", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${host.url}/sponsor.html`);
  const { frame } = await embeddedApp(page);
  await toResult(frame);
  const popup = await openShareWindow(frame);
  // A press hurried onto "Yes" within its first second does nothing: pressed at once, before
  // anything else (the words appeared after the page's response ended, so this measure is at
  // least the time since they appeared).
  const sinceWords = await popup.evaluate(() => {
    const since = performance.now() - performance.getEntriesByType("navigation")[0].responseEnd;
    document.getElementById("yes").click();
    return since;
  });
  assert.ok(sinceWords < 1000, `the press came ${Math.round(sinceWords)} ms after the page arrived: not hurried`);
  // The host posts look-alike answers to the frame, with every nonce it could know.
  await page.evaluate(() => {
    const f = document.querySelector("#box iframe").contentWindow;
    for (const nonce of ["", "0".repeat(32), undefined])
      f.postMessage({ source: "trialmatch-confirm", type: "yes", nonce }, "*");
  });
  // The host opens a window of the app's confirmation page itself: it knows no nonce, and its
  // window is not the one the frame opened.
  const stray = await context.newPage();
  await stray.goto(`${app.url}/confirm.html#n=${"a".repeat(32)}`);
  await stray.waitForSelector("#alone:not([hidden])", { timeout: 10000 });
  assert.ok((await stray.innerText("#alone")).includes("works only when the study prescreener opens it"));
  assert.equal(await stray.isVisible("#yes"), false);
  assert.equal(await popup.isClosed(), false, "a hurried yes does nothing");
  await messageFence(frame, page);
  assert.equal(await shares(page), 0, "nothing forged got through");
  assert.equal((await settled(frame)).screen, "share_confirm");
  // The person leaves the screen in the frame: the window closes with it, and a yes from it
  // could no longer send.
  const closed = popup.waitForEvent("close", { timeout: 10000 });
  await pressByKeyboard(frame, "share_cancel");
  await closed;
  await messageFence(frame, page);
  assert.equal(await shares(page), 0);
  await context.close();
});

test("where no window can open, nothing is sent and the frame says why", async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
  const page = await context.newPage();
  let opened = 0;
  context.on("page", () => { opened += 1; });
  await page.goto(`${host.url}/sandboxed.html`);
  const { frame } = await embeddedApp(page);
  await toResult(frame);
  const shown = await pressByKeyboard(frame, "share");
  assert.equal(shown.screen, "share_confirm");
  assert.equal(shown.heading, "The window did not open");
  assert.ok(words(shown).some((w) => w.startsWith("Nothing was sent.")), JSON.stringify(words(shown)));
  assert.deepEqual(shown.buttons.filter((b) => /^share/.test(b.id)).map((b) => b.label), ["Try again", "Back to my result"]);
  await screenshot(page, "share-window-blocked-en-phone", { app: frame });
  assert.equal(opened, 0, "no window");
  await messageFence(frame, page);
  assert.equal(await shares(page), 0);
  await context.close();
});
