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

  // After a kiosk wipe on the support screen, the crisis numbers stay up (someone may be
  // dialling from their own phone): the address carries "#kiosk-support=en|es" for that one
  // load (a fragment: never sent to the server, which must not learn who saw that screen),
  // and is put back as it was at once.
  var support = /^#kiosk-support=(en|es)$/.exec(window.location.hash);
  if (window.location.hash) window.history.replaceState(null, "", window.location.pathname + window.location.search);
  window.trialmatch.startOnSupport = support ? support[1] : "";

  // The same address, loaded afresh (a reload: no new history entry to go Back to).
  window.trialmatch.freshStart = function (supportLang) {
    document.documentElement.classList.add("leaving");
    var address = window.location.pathname + window.location.search;
    window.history.replaceState(null, "", address + (supportLang ? "#kiosk-support=" + supportLang : ""));
    window.location.reload();
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
