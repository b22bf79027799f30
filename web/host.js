// Embedded in a sponsor's page (?embed=1&host=ORIGIN, set by embed.js): the frame's side of
// the conversation with the host page. What crosses, and only to an allowed host (the app
// makes each message, app/flow/host_messages.h; this only posts them):
//   ready    once, when the app has started
//   height   once, the welcome screen's height at load (never again: a height that changed
//            with the language, the text size or the screen would tell the host something)
//   share    the summary, only after the person pressed "Send to the study team" and confirmed
// The host must be on the deployment's allow-list (deploy-config.json, "share_origins"), or
// be this site itself, and must be the page that really holds the frame: where the browser
// tells the parent's origin (location.ancestorOrigins) it must be the named host, and the
// host's embed.js must answer "ready" from the parent window at that origin before a share
// is offered (a page that named another origin never receives "ready", so never answers).
// See docs/embedding.md.
(function () {
  "use strict";
  var params = new URLSearchParams(window.location.search);
  var embedded = params.get("embed") === "1" && window.parent !== window;
  var allowed = null;    // the host's origin once the deployment allows it; "" if it does not
  var confirmed = false;  // the parent window at that origin answered "ready"
  var waiting = [];      // messages told before the allow-list arrived

  // The origin embed.js named, if it is a plain origin.
  function namedHost() {
    var host = params.get("host");
    var origin = null;
    try { origin = host && new URL(host).origin; } catch (e) { origin = null; }
    return origin && origin !== "null" && origin === host ? origin : "";
  }

  function post(message) {
    message.source = "trialmatch";
    window.parent.postMessage(message, allowed);
  }

  // The host's origin when messages may go to it, else null (also while still unknown).
  window.trialmatch.hostOrigin = function () { return allowed || null; };
  window.trialmatch.postToHost = function (message) {
    if (!embedded) return;
    if (allowed === null) waiting.push(message);
    else if (allowed) post(message);
  };

  // The origin of the page holding this frame, where the browser tells it; else null.
  function parentOrigin() {
    var a = window.location.ancestorOrigins;
    return a && a.length > 0 ? a[0] : null;
  }

  function decide(config) {
    var host = namedHost();
    var list = config && Array.isArray(config.share_origins) ? config.share_origins : [];
    var parent = parentOrigin();
    var listed = host && (host === window.location.origin || list.indexOf(host) >= 0);
    allowed = listed && (parent === null || parent === host) ? host : "";
    var queued = waiting;
    waiting = [];
    if (allowed) queued.forEach(post);
    tellApp();
  }

  // Whether the frame can be seen whole: the tab is showing, and (where the browser can tell,
  // with IntersectionObserver v2) nothing covers the frame and no effect hides it. Elsewhere
  // only that the frame is on screen at all. The app ignores a confirm while it cannot be seen.
  var visible = false;
  function tellApp() {
    if (!window.trialmatch.ready) return;
    Module.ccall("trialmatch_set_host", null, ["string"], [allowed && confirmed ? allowed : ""]);
    Module._trialmatch_set_frame_visible(visible && document.visibilityState === "visible" ? 1 : 0);
  }
  // The app has said "ready" (app/flow/host_messages.cpp: every message is made there).
  window.trialmatch.onRuntimeReady = tellApp;

  if (!embedded) {
    allowed = "";
    return;
  }
  // The host's answer to "ready": from the parent window itself, at the allowed origin.
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!allowed || confirmed || event.source !== window.parent || event.origin !== allowed) return;
    if (!data || data.source !== "trialmatch-host" || data.type !== "ready") return;
    confirmed = true;
    tellApp();
  });
  fetch("deploy-config.json", { cache: "no-cache", credentials: "same-origin" })
    .then(function (r) { return r.ok ? r.json() : {}; })
    .catch(function () { return {}; })
    .then(decide);

  var canvas = document.getElementById("canvas");
  if ("IntersectionObserver" in window) {
    var tracks = false;
    try {
      var observer = new IntersectionObserver(function (entries) {
        var e = entries[entries.length - 1];
        visible = tracks ? e.isVisible === true : e.isIntersecting;
        tellApp();
      }, { threshold: [0, 0.5, 1], trackVisibility: true, delay: 100 });
      tracks = "trackVisibility" in observer && observer.trackVisibility === true;
      observer.observe(canvas);
    } catch (e) {
      visible = true;
    }
  } else {
    visible = true;
  }
  document.addEventListener("visibilitychange", tellApp);
})();
