// The share's confirmation, in a window of the prescreener's own. An embedding page can clip,
// mask, filter, cover or crop its frame with CSS in ways the frame cannot detect, so the
// frame never takes the confirm itself: it opens this window (web/host.js), which the page
// cannot style or reach, and sends it the words to show (made by the app in the person's
// language). "Yes" here is the only way a share is confirmed.
//
// The conversation, only with the window that opened this one, at this site's own origin:
//   this window -> opener   {source: "trialmatch-confirm", type: "hello", nonce}
//   opener -> this window   {source: "trialmatch-frame", type: "texts", nonce, texts: {...}}
//   this window -> opener   {source: "trialmatch-confirm", type: "yes" | "no", nonce}
// The nonce comes in this window's address fragment (never sent to the server).
(function () {
  "use strict";
  var match = /^#n=([0-9a-f]{32})$/.exec(window.location.hash);
  if (window.location.hash) window.history.replaceState(null, "", window.location.pathname);
  var nonce = match ? match[1] : "";
  var opener = window.opener;
  var origin = window.location.origin;
  var shownAt = 0;
  var answered = false;

  function byId(id) { return document.getElementById(id); }

  // Not opened by the prescreener (or framed by another page): nothing to confirm.
  if (!nonce || !opener || window.top !== window) {
    byId("alone").hidden = false;
    return;
  }

  function answer(type, doneText) {
    if (answered) return;
    answered = true;
    opener.postMessage({ source: "trialmatch-confirm", type: type, nonce: nonce }, origin);
    byId("confirm").hidden = true;
    byId("done").textContent = doneText;
    byId("done").hidden = false;
    window.close();
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (event.source !== opener || event.origin !== origin || shownAt) return;
    if (!data || data.source !== "trialmatch-frame" || data.type !== "texts" || data.nonce !== nonce) return;
    var t = data.texts || {};
    document.documentElement.lang = t.lang === "es" ? "es" : "en";
    document.title = String(t.heading || "");
    byId("heading").textContent = String(t.heading || "");
    byId("study").textContent = String(t.study || "");
    byId("body").textContent = String(t.body || "");
    byId("receiver").textContent = String(t.receiver || "");
    byId("yes").textContent = String(t.yes || "");
    byId("no").textContent = String(t.no || "");
    var yesDone = String(t.sent || ""), noDone = String(t.not_sent || "");
    // A press within a second of the words appearing, or while this window is not showing,
    // does nothing: a click cannot be hurried onto "Yes".
    byId("yes").addEventListener("click", function () {
      if (performance.now() - shownAt < 1000 || document.visibilityState !== "visible") return;
      answer("yes", yesDone);
    });
    byId("no").addEventListener("click", function () { answer("no", noDone); });
    byId("confirm").hidden = false;
    shownAt = performance.now();
    byId("heading").setAttribute("tabindex", "-1");
    byId("heading").focus();
  });
  // Closing the window is a "no".
  window.addEventListener("pagehide", function () {
    if (!answered && shownAt) opener.postMessage({ source: "trialmatch-confirm", type: "no", nonce: nonce }, origin);
  });
  opener.postMessage({ source: "trialmatch-confirm", type: "hello", nonce: nonce }, origin);
  // No words came (the prescreener is gone, or this window was opened again): say so.
  window.setTimeout(function () { if (!shownAt) byId("alone").hidden = false; }, 5000);
})();
