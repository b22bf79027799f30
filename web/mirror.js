// The accessibility mirror: Dear ImGui draws pixels, which screen readers cannot read, so
// this keeps a DOM copy of the current screen (a heading, its texts, real buttons with
// their state) in step with the app. Each button sits exactly over the button drawn on
// the canvas, invisible and letting the pointer through; activating it (a screen reader's
// click, or Enter/Space when it has focus) presses the same button in the app. A live
// region announces each new screen.
// Embedded in a sponsor's page, focus must never move that page, nor say anything by where it
// lands (docs/embedding.md): the mirror focuses with preventScroll, and there its buttons get
// no places of their own (style.css puts every element of the mirror at one spot), so even a
// browser that scrolls the page around the frame to an element focused by Tab or by a screen
// reader would land at the same place for every screen and every answer.
(function () {
  "use strict";
  var stacked = document.documentElement.classList.contains("embed");  // set by boot.js
  var canvas = document.getElementById("canvas");
  var root = document.createElement("main");
  root.id = "a11y";
  var heading = document.createElement("h1");
  heading.tabIndex = -1;
  var body = document.createElement("div");
  var live = document.createElement("div");
  live.className = "a11y-live";
  live.setAttribute("aria-live", "polite");
  live.setAttribute("role", "status");
  // Never offered for browser translation: that would send the answers and the result,
  // which this copy holds in words, to the browser maker's cloud (see README, Privacy).
  [root, live].forEach(function (el) {
    el.setAttribute("translate", "no");
    el.classList.add("notranslate");
  });
  // A problem with what was entered is read out at once, and only when it changes (the
  // mirror is rebuilt on every scroll; a new alert each time would be read again).
  var alert = document.createElement("p");
  alert.setAttribute("role", "alert");
  root.appendChild(heading);
  root.appendChild(body);
  root.appendChild(alert);
  document.body.appendChild(root);
  document.body.appendChild(live);
  canvas.setAttribute("aria-hidden", "true");
  canvas.removeAttribute("aria-label");

  // While focus is in the mirror (a screen reader, or Tab from there), keys belong to the
  // page: the canvas app must not also act on them (Emscripten's GLFW would swallow Tab and
  // press the focused button a second time on Enter).
  ["keydown", "keyup", "keypress"].forEach(function (type) {
    window.addEventListener(type, function (e) {
      if (root.contains(document.activeElement)) e.stopImmediatePropagation();
    }, true);
  });

  var last = "";
  var lastHeading = "";
  var lastView = -1;
  var lastEntry = "";  // the keypad entry last shown (a role "entry" text)
  var shownView = 0;  // the screen the buttons below belong to: a press names it

  function call(name, id) {
    var size = Module.lengthBytesUTF8(id) + 1;
    var ptr = Module._malloc(size);
    Module.stringToUTF8(id, ptr, size);
    Module["_" + name](ptr, shownView);
    Module._free(ptr);
  }

  // The screen model's roles (docs/screen-model.md) decide the element: headings for titles
  // and section headings, paragraphs for the rest (a problem goes to the alert).
  function text(t) {
    var el = document.createElement(t.role === "title" || t.role === "heading" ? "h2" : "p");
    el.textContent = t.text;
    return el;
  }

  function button(b) {
    var el = document.createElement("button");
    el.type = "button";
    el.textContent = b.label;
    el.dataset.id = b.id;
    if (b.pressed !== null) el.setAttribute("aria-pressed", b.pressed ? "true" : "false");
    if (!stacked) {
      el.style.left = b.x + "px";
      el.style.top = b.y + "px";
      el.style.width = b.w + "px";
      el.style.height = b.h + "px";
    }
    el.addEventListener("click", function () { call("trialmatch_press", b.id); });
    el.addEventListener("focus", function () { call("trialmatch_focus", b.id); });
    return el;
  }

  window.trialmatch.updateMirror = function () {
    var d = window.trialmatch.describe();
    var key = JSON.stringify([d.view, d.heading, d.texts, d.buttons, d.lang]);
    if (key === last) return;
    last = key;
    shownView = d.view;
    document.documentElement.lang = d.lang;
    var focusedId = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.id : null;
    var focusInMirror = root.contains(document.activeElement);
    heading.textContent = d.heading || "";
    body.textContent = "";
    var problem = "";
    d.texts.forEach(function (t) {
      if (t.role === "problem") problem = t.text;
      else if (t.text !== d.heading) body.appendChild(text(t));
    });
    if (alert.textContent !== problem) alert.textContent = problem;
    var group = document.createElement("div");
    group.setAttribute("role", "group");
    d.buttons.forEach(function (b) { group.appendChild(button(b)); });
    body.appendChild(group);
    // What has been typed on a keypad is read out as it changes, like a text field's value.
    var entry = d.texts.filter(function (t) { return t.role === "entry"; }).map(function (t) { return t.text; }).join(" ");
    var entryChanged = d.view === lastView && entry !== lastEntry;
    lastEntry = entry;
    if (d.view !== lastView || d.heading !== lastHeading) {
      var newScreen = d.view !== lastView;
      lastView = d.view;
      lastHeading = d.heading;
      // A new screen or question: announce it, and move focus to it if the person was in
      // the mirror (a screen reader), so they continue from the top of the new screen.
      live.textContent = d.heading + (d.screen === "question" && d.progress ? ". " + d.progress.text : "");
      if (focusInMirror && newScreen) heading.focus({ preventScroll: true });
      else if (focusInMirror && focusedId) refocus(group, focusedId);
    } else if (focusInMirror && focusedId) {
      refocus(group, focusedId);
      if (entryChanged) live.textContent = entry;
    } else if (entryChanged) {
      live.textContent = entry;
    }
  };

  function refocus(group, id) {
    var again = group.querySelector('[data-id="' + CSS.escape(id) + '"]');
    if (again) again.focus({ preventScroll: true });
  }
})();
