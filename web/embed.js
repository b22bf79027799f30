// Embeds the prescreener in a sponsor's page. Add this script and one element:
//
//   <div data-trialmatch data-trial="trials/NCT04979910.json" data-lang="en"
//        data-accent="#1f5f7a" data-mode="standalone"></div>
// (or data-catalog="catalogs/NAME.json" instead of data-trial: several studies at once)
//   <script src="https://PRESCREENER-SITE/embed.js" async></script>
//
// The frame sizes itself once, to its first screen at load (at most 90% of the window;
// later screens scroll inside it, so its height never hints at anyone's answers). The
// element receives DOM events:
//   trialmatch:ready      the app has started
//   trialmatch:share      event.detail.summary: the person pressed "Send to the study team"
//                         and confirmed in the app's own window. Nothing else ever crosses:
//                         not when a result is reached, not the verdict. See docs/embedding.md.
// The prescreener's site must list this page's origin in its deploy-config.json.
(function () {
  "use strict";
  var script = document.currentScript;
  var appBase = new URL(".", script ? script.src : window.location.href);
  var appOrigin = appBase.origin;
  var frames = [];

  function embed(element) {
    if (element.__trialmatch) return;
    var params = new URLSearchParams();
    params.set("embed", "1");
    params.set("host", window.location.origin);
    var trial = element.getAttribute("data-trial");
    var catalog = element.getAttribute("data-catalog");
    var lang = element.getAttribute("data-lang");
    var accent = element.getAttribute("data-accent");
    var mode = element.getAttribute("data-mode");
    if (trial) params.set("trial", trial);
    if (catalog) params.set("catalog", catalog);
    if (lang) params.set("lang", lang);
    if (accent) params.set("accent", accent);
    if (mode === "kiosk") params.set("mode", "kiosk");
    var iframe = document.createElement("iframe");
    iframe.src = new URL("index.html?" + params.toString(), appBase).href;
    iframe.title = element.getAttribute("data-title") || "Study prescreener";
    // A kiosk fills the screen and never tells its height (every load looks the same).
    iframe.style.cssText = "display:block;width:100%;border:0;height:" + (mode === "kiosk" ? "100vh" : "640px") + ";";
    iframe.setAttribute("referrerpolicy", "no-referrer");
    element.__trialmatch = iframe;
    element.appendChild(iframe);
    frames.push({ element: element, iframe: iframe });
  }

  window.addEventListener("message", function (event) {
    // Only messages from our own frames, from the prescreener's own origin.
    if (event.origin !== appOrigin) return;
    var data = event.data;
    if (!data || data.source !== "trialmatch" || typeof data.type !== "string") return;
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (event.source !== f.iframe.contentWindow) continue;
      if (data.type === "height" && typeof data.height === "number" && data.height > 0 && !f.sized) {
        f.sized = true;
        // Sized to the welcome screen, but never taller than most of the window, so the
        // page around it can still be scrolled; later screens scroll inside the frame.
        var most = Math.max(320, Math.floor(window.innerHeight * 0.9));
        f.iframe.style.height = Math.min(Math.max(Math.ceil(data.height), 320), most) + "px";
      } else if (data.type === "ready") {
        // The answer that tells the frame this page really holds it (web/host.js): without
        // it the frame offers no "Send to the study team".
        f.iframe.contentWindow.postMessage({ source: "trialmatch-host", type: "ready" }, appOrigin);
        f.element.dispatchEvent(new CustomEvent("trialmatch:ready", { bubbles: true }));
      } else if (data.type === "share" && data.summary) {
        f.element.dispatchEvent(new CustomEvent("trialmatch:share", { bubbles: true, detail: { summary: data.summary } }));
      }
    }
  });

  function scan() {
    var elements = document.querySelectorAll("[data-trialmatch]");
    for (var i = 0; i < elements.length; i++) embed(elements[i]);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
  else scan();
})();
