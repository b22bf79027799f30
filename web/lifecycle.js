// The page's life: hidden, frozen, kept in the back/forward cache, shown again. One rule:
// a page that comes back never brings a person's screen back.
//  - Back/forward cache (any mode): the page hides its screen as it is stored, and when it is
//    shown again it loads afresh (a new page: new WebAssembly memory, the welcome screen).
//  - Kiosk: whenever the page may have been away (shown again, resumed after being frozen,
//    focused), the app checks at once whether the idle time has passed, by the wall clock.
//  - trialmatch.freshStart(): the kiosk's wipe. Loading the same address again leaves nothing
//    of the last person in memory, which clearing fields could not promise.
(function () {
  "use strict";
  var params = new URLSearchParams(window.location.search);

  // After a kiosk wipe on the support screen, the crisis numbers stay up (someone may be
  // dialling from their own phone): the address carries "kiosk_support=en|es" for that one
  // load, and is put back as it was at once.
  var support = params.get("kiosk_support");
  if (support !== null) {
    params.delete("kiosk_support");
    var query = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
  }
  window.trialmatch.startOnSupport = support === "es" ? "es" : support === "en" ? "en" : "";

  window.trialmatch.freshStart = function (supportLang) {
    var next = new URLSearchParams(window.location.search);
    next.delete("kiosk_support");
    if (supportLang) next.set("kiosk_support", supportLang);
    var query = next.toString();
    document.documentElement.classList.add("leaving");
    window.location.replace(window.location.pathname + (query ? "?" + query : ""));
  };

  window.addEventListener("pagehide", function (event) {
    if (event.persisted) document.documentElement.classList.add("leaving");
  });
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) window.trialmatch.freshStart("");
  });

  // A clock for idle time that follows the wall clock (Date.now), so time spent asleep,
  // frozen or hidden counts, but never runs backwards if the computer's clock is set back.
  var wall = Date.now(), mono = performance.now(), elapsed = 0;
  window.trialmatch.idleClock = function () {
    var w = Date.now(), m = performance.now();
    elapsed += Math.max(w - wall, m - mono, 0);
    wall = w;
    mono = m;
    return elapsed / 1000;
  };

  function checkIdle() {
    if (window.trialmatch.ready && Module._trialmatch_check_idle) Module._trialmatch_check_idle();
  }
  document.addEventListener("visibilitychange", checkIdle);
  document.addEventListener("resume", checkIdle);
  window.addEventListener("pageshow", checkIdle);
  window.addEventListener("focus", checkIdle);
})();
