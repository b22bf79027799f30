// Runs before app.js: tells Emscripten which canvas to use, and gives tests a small,
// read-only view of the screen (window.trialmatch.describe()).
var Module = {
  canvas: document.getElementById("canvas"),
  print: function () {},
  printErr: function (text) { console.warn(text); },
};
// The WebGL context is made while app.wasm downloads and compiles, and the app takes it up
// (Emscripten's GL_PREINITIALIZED_CONTEXT) instead of making it once it runs. In a task of its
// own, after the page's scripts: made here and now, it would hold app.js back from starting
// that compile. (Were the app to start first, it would make the context itself.) What it
// holds is what the app draws with (app/platform/web_main.cpp asks its GLFW for the same): an
// opaque colour buffer, no depth or stencil buffer, no multisampling.
setTimeout(function () {
  Module.preinitializedWebGLContext =
    Module.canvas.getContext("webgl2", { alpha: false, depth: false, stencil: false, antialias: false });
}, 0);
window.trialmatch = {
  ready: false,  // set by the app once it has started (app/platform/browser_page.cpp)
  /**
   * The screen model (docs/screen-model.md, which a unit test keeps in step with the app).
   * @typedef {{role: string, text: string, x: number, y: number, w: number, h: number, visible: boolean}} ScreenText
   * @typedef {{id: string, label: string, role: string, pressed: (boolean|null), x: number, y: number,
   *            w: number, h: number, visible: boolean}} ScreenButton
   * @typedef {{view: number, screen: string, heading: string, lang: string, title: (string|undefined),
   *            texts: ScreenText[], buttons: ScreenButton[], answers: (Object<string, string>|undefined),
   *            focus: string, kiosk: boolean, text_size: number, still_there: boolean,
   *            scroll: {y: number, max: number, top: number, bottom: number}}} ScreenModel
   * @returns {ScreenModel}
   */
  describe: function () { return JSON.parse(Module.UTF8ToString(Module._trialmatch_describe())); },
  pendingFrames: function () { return Module._trialmatch_pending_frames(); },
  // The site's own study or catalog file a value names, as "trials/NAME.json" or
  // "catalogs/NAME.json" (`folder`: only that folder), or "" when it is not one. The value
  // is resolved as a URL the way the browser would (which drops tabs and newlines, and reads
  // "\\" as "/"), then must be on this origin, directly in the app's trials/ or catalogs/
  // folder, end in .json, and be short. Nothing of a refused value is ever shown: it could be any
  // text a link's author chose.
  siteFile: function (value, folder) {
    var base = new URL(".", window.location.href);
    var url;
    try { url = new URL(value, base); } catch (e) { return ""; }
    if (url.origin !== base.origin || url.username || url.password) return "";
    var folders = folder ? [folder] : ["trials/", "catalogs/"];
    for (var i = 0; i < folders.length; i++) {
      var path = base.pathname + folders[i];
      if (url.pathname.indexOf(path) !== 0) continue;
      var name = url.pathname.slice(path.length);
      // At most 60 characters before ".json" (a registry id has 11): a longer name is not a
      // study file's, and the error screen would otherwise show whatever the link's author wrote.
      return /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,59}\.json$/.test(name) ? folders[i] + name : "";
    }
    return "";
  },
  // The file this page opens: the study ?trial= names, the catalog ?catalog= names, or the
  // seed study; "" when the link names none of this site's own files (or names both).
  fileToOpen: function () {
    var query = new URLSearchParams(window.location.search);
    var trial = query.get("trial"), catalog = query.get("catalog");
    if (trial && catalog) return "";
    if (catalog) return window.trialmatch.siteFile(catalog, "catalogs/");
    return window.trialmatch.siteFile(trial ? trial : "trials/NCT04979910.json", "trials/");
  },
  // Opens a link the person tapped: tel:, sms: or mailto: (the phone's dialer, messages or
  // mail app) in place; a study's https: page in a new tab, without telling it where the
  // person came from, so the app and its answers stay as they were.
  openLink: function (url) {
    if (/^https:/.test(url)) window.open(url, "_blank", "noopener,noreferrer");
    else if (/^(tel|sms|mailto):/.test(url)) window.location.href = url;
  },
};

// Kiosk: a shared screen. No context menu, no text selection, no pinch zoom.
if (new URLSearchParams(window.location.search).get("mode") === "kiosk") {
  document.documentElement.classList.add("kiosk");
  document.addEventListener("contextmenu", function (e) { e.preventDefault(); });
  document.addEventListener("gesturestart", function (e) { e.preventDefault(); });
  // Full screen on the first touch (browsers allow it only from a person's gesture).
  var goFullScreen = function () {
    var root = document.documentElement;
    if (!document.fullscreenElement && root.requestFullscreen) root.requestFullscreen().catch(function () {});
  };
  document.addEventListener("pointerdown", goFullScreen, { once: true, capture: true });
  var viewport = document.querySelector('meta[name="viewport"]');
  if (viewport) viewport.setAttribute("content", "width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no, viewport-fit=cover");
}

// Offline use: a service worker keeps the site's own files (see sw.js). It never sees answers.
if ("serviceWorker" in navigator && window.isSecureContext) {
  window.addEventListener("load", function () {
    navigator.serviceWorker.register("sw.js").catch(function () { /* the app works without it */ });
  });
}

if (new URLSearchParams(window.location.search).get("embed") === "1") document.documentElement.classList.add("embed");

// The study (or catalog) file starts downloading now, while app.js and app.wasm download and compile;
// the app takes the response up when it starts (app/platform/browser.cpp, fetch_trial).
// Nothing of the person exists yet: the same file is fetched for everyone who opens this link.
(function () {
  var file = window.trialmatch.fileToOpen();
  if (!file) return;
  var controller = typeof AbortController === "function" ? new AbortController() : null;
  var response = fetch(file, { credentials: "same-origin", cache: "no-cache", signal: controller ? controller.signal : undefined });
  response.catch(function () { /* reported when the app takes it up */ });
  window.trialmatch.earlyFetch = { url: file, controller: controller, response: response };
})();
