// Embedded in a sponsor's page (?embed=1&host=ORIGIN, set by embed.js): the frame's side of
// the conversation with the host page, and the share's confirmation window. What crosses,
// and only to an allowed host (the app makes each message, app/flow/host_messages.h; this
// only posts them):
//   ready    once, when the app has started
//   height   once, the welcome screen's height at load (never again: a height that changed
//            with the language, the text size or the screen would tell the host something)
//   share    the summary, only after the person pressed "Send to the study team" and
//            confirmed in a window of the app's own (web/confirm.js)
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

  /**
   * A message to the host (app/flow/host_messages.h makes each one; docs/embedding.md).
   * @typedef {{type: "ready"} | {type: "height", height: number} | {type: "share", summary: Object}} HostMessage
   * @param {HostMessage} message
   */
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

  function tellApp() {
    if (!window.trialmatch.ready) return;
    Module.ccall("trialmatch_set_host", null, ["string"], [allowed && confirmed ? allowed : ""]);
  }
  // The app has said "ready" (app/flow/host_messages.cpp: every message is made there).
  window.trialmatch.onRuntimeReady = tellApp;

  // The share's confirmation, in a window of the app's own (web/confirm.js). The host page
  // can clip, mask, filter, cover or crop this frame in ways no script in it can detect; it
  // cannot style or reach that window, so "Yes, send them" is only ever pressed there.
  // Only the window this frame opened, at this site's own origin, holding this opening's
  // nonce, is heard; one answer each.
  var shareWindow = null;
  var shareNonce = "";
  var shareTexts = null;
  function closeShareWindow() {
    if (shareWindow && !shareWindow.closed) shareWindow.close();
    shareWindow = null;
    shareNonce = "";
    shareTexts = null;
  }
  window.trialmatch.closeShareWindow = closeShareWindow;
  /**
   * The words of the confirmation window (app/flow/share_window_texts.h), in the person's language.
   * @typedef {{lang: string, heading: string, study: string, body: string, receiver: string, yes: string,
   *            no: string, sent: string, not_sent: string}} ShareWindowTexts
   * @param {ShareWindowTexts} texts
   * @returns {boolean} whether the window opened
   */
  window.trialmatch.openShareWindow = function (texts) {
    closeShareWindow();
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    var nonce = Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
    var opened = null;
    try {
      opened = window.open("confirm.html#n=" + nonce, "_blank", "popup,width=520,height=640");
    } catch (e) {
      opened = null;
    }
    if (!opened) return false;
    shareWindow = opened;
    shareNonce = nonce;
    shareTexts = texts;
    return true;
  };
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!shareWindow || event.source !== shareWindow || event.origin !== window.location.origin) return;
    if (!data || data.source !== "trialmatch-confirm" || data.nonce !== shareNonce) return;
    if (data.type === "hello" && shareTexts) {
      shareWindow.postMessage({ source: "trialmatch-frame", type: "texts", nonce: shareNonce, texts: shareTexts },
                              window.location.origin);
      shareTexts = null;  // the words go once
    } else if (data.type === "yes" || data.type === "no") {
      closeShareWindow();  // it closes itself too; one answer each
      Module._trialmatch_share_window_answered(data.type === "yes" ? 1 : 0);
    }
  });
  // This page going away (a kiosk's wipe, a reload) takes its window with it.
  window.addEventListener("pagehide", closeShareWindow);

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
})();
