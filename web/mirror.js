// The accessibility mirror: Dear ImGui draws pixels, which screen readers cannot read, so
// this keeps a DOM copy of the current screen (a heading, its texts, real buttons with
// their state) in step with the app. Each button sits exactly over the button drawn on
// the canvas, invisible and letting the pointer through; activating it (a screen reader's
// click, or Enter/Space when it has focus) presses the same button in the app. A live
// region announces each new screen. Each update changes only what changed (a text, a label,
// a place, a button come or gone), so a scroll or a typed digit rebuilds nothing, and a
// screen reader's place and the focus stay where they were.
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
  // A problem with what was entered is read out at once, and only when it changes (a new
  // alert each time the screen model changes, on every scroll, would be read again).
  var alert = document.createElement("p");
  alert.setAttribute("role", "alert");
  var texts = document.createElement("div");  // the screen's texts, in order
  var group = document.createElement("div");  // its buttons, in order
  group.setAttribute("role", "group");
  body.appendChild(texts);
  body.appendChild(group);
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

  function setText(el, value) {
    if (el.textContent !== value) el.textContent = value;
  }
  function setAttr(el, name, value) {
    if (value === null) el.removeAttribute(name);
    else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
  }
  function setStyle(el, name, value) {
    if (el.style[name] !== value) el.style[name] = value;
  }

  // The screen model's roles (docs/screen-model.md) decide the element: headings for titles
  // and section headings, paragraphs for the rest (a problem goes to the alert). The element
  // at each place is kept while its kind is the same; only its words change.
  function updateTexts(list) {
    list.forEach(function (t, i) {
      var tag = t.role === "title" || t.role === "heading" ? "H2" : "P";
      var el = texts.children[i];
      if (!el || el.tagName !== tag) {
        var made = document.createElement(tag);
        if (el) texts.replaceChild(made, el);
        else texts.appendChild(made);
        el = made;
      }
      setText(el, t.text);
    });
    while (texts.children.length > list.length) texts.removeChild(texts.lastChild);
  }

  // A button is kept, by its id, for as long as the screen model has it: its label, state
  // and place are updated; new ones are made, gone ones removed, and the order follows the
  // model's (an element is moved only when it is out of place).
  function makeButton(id) {
    var el = document.createElement("button");
    el.type = "button";
    el.dataset.id = id;
    el.addEventListener("click", function () { call("trialmatch_press", id); });
    el.addEventListener("focus", function () { call("trialmatch_focus", id); });
    return el;
  }
  function updateButtons(list) {
    var wanted = {};
    list.forEach(function (b) { wanted[b.id] = true; });
    // Gone ones first, so the others keep their places and are not moved past them.
    var kept = {};
    Array.prototype.slice.call(group.children).forEach(function (el) {
      if (wanted[el.dataset.id]) kept[el.dataset.id] = el;
      else group.removeChild(el);
    });
    var focused = document.activeElement;
    var at = group.firstChild;
    list.forEach(function (b) {
      var el = kept[b.id] || makeButton(b.id);
      if (el === at) at = at.nextSibling;
      else group.insertBefore(el, at);
      setText(el, b.label);
      setAttr(el, "aria-pressed", b.pressed === null ? null : b.pressed ? "true" : "false");
      if (!stacked) {
        setStyle(el, "left", b.x + "px");
        setStyle(el, "top", b.y + "px");
        setStyle(el, "width", b.w + "px");
        setStyle(el, "height", b.h + "px");
      }
    });
    // A button moved to a new place in the order (the actions pinned to the bottom, say) loses
    // the focus the browser had on it: it goes back, without scrolling.
    if (focused && focused !== document.activeElement && group.contains(focused)) focused.focus({ preventScroll: true });
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
    setText(heading, d.heading || "");
    var problem = "";
    updateTexts(d.texts.filter(function (t) {
      if (t.role === "problem") problem = t.text;
      return t.role !== "problem" && t.text !== d.heading;
    }));
    setText(alert, problem);
    updateButtons(d.buttons);
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
    } else if (entryChanged) {
      live.textContent = entry;
    }
    // The focused button was kept; if it went (it is no longer on the screen), focus goes to
    // the heading rather than to the page's body.
    if (focusInMirror && focusedId && !root.contains(document.activeElement)) heading.focus({ preventScroll: true });
  };
})();
