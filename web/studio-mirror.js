// The studio's accessibility mirror (app/studio/panes/studio_mirror.h): Dear ImGui draws the
// studio as pixels, which neither Tab nor a screen reader can reach, so this keeps a DOM copy of
// each frame's panes over the canvas: a named region per pane, its headings and words, and a
// real button for each control, in the order drawn, each lying exactly over the control drawn
// on the canvas and letting the pointer through. Tab and Shift+Tab move through them, the
// browser draws the focus ring around the control, a screen reader reads them with their role
// and state (a checkbox ticked, a tab selected, a menu open), a study's text in its own
// language. Focusing one brings its control into view in its pane; Enter or Space (or a screen
// reader's click) presses the control itself. A menu's choices follow it; the focus or a press
// elsewhere closes it, as Escape does (and the question asked). The path list is one stop of
// Tab, its rows reached with the arrow keys. The preview is the patient app's own screen: a new
// one is announced and its heading takes the focus, as in the app's mirror (web/mirror.js).
// Each update changes only what changed, so the focus stays where it was while the studio redraws.
// It runs after studio.js (whose shortcuts come first) and before the studio's app script.
"use strict";
(function () {
  const canvas = document.getElementById("canvas");
  const root = document.createElement("div");
  root.id = "studio-mirror";
  // Never offered for browser translation (an unpublished protocol's words would leave).
  root.setAttribute("translate", "no");
  root.classList.add("notranslate");
  document.body.insertBefore(root, canvas);
  canvas.setAttribute("aria-hidden", "true");
  // What the studio says when it changes (the checks' counts after an edit), without moving
  // the focus: a screen reader reads it when it is free.
  const live = document.createElement("div");
  live.className = "m-live";
  live.setAttribute("role", "status");
  live.setAttribute("aria-live", "polite");
  root.appendChild(live);
  let lastStatus = null;
  let lastPreview = { view: 0, problem: "", entry: "" };

  const controls = new Map();  // key -> element, kept while the studio draws that control
  let seen = new Set();  // the keys of the controls in the update being made
  let focusBeforeDialog = null;  // the key focused when a dialog opened, to go back to

  // Calls an exported function with a key (a C string).
  function call(exported, key) {
    if (typeof Module === "undefined" || !Module.calledRun) return;
    const size = Module.lengthBytesUTF8(key) + 1;
    const ptr = Module._malloc(size);
    Module.stringToUTF8(key, ptr, size);
    Module[exported](ptr);
    Module._free(ptr);
  }

  function setText(el, value) {
    if (el.textContent !== value) el.textContent = value;
  }
  function setAttr(el, name, value) {
    if (value === null) el.removeAttribute(name);
    else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
  }
  // Where an element lies, in CSS pixels from `origin` (its pane's corner: a pane hides what
  // lies outside it, as the canvas does; a menu's list lies over the page, from its corner).
  function place(el, item, origin = { x: 0, y: 0 }) {
    const want = [item.x - origin.x, item.y - origin.y, item.w, item.h].map((v) => Math.round(v * 10) / 10 + "px");
    ["left", "top", "width", "height"].forEach((side, i) => {
      if (el.style[side] !== want[i]) el.style[side] = want[i];
    });
  }

  // The element for a control, by its role; its state as ARIA says it.
  function makeControl(item) {
    const el = document.createElement("button");
    el.type = "button";
    el.dataset.key = item.key;
    el.dataset.role = item.role;
    const role = { checkbox: "checkbox", radio: "radio", tab: "tab", choice: "option" }[item.role];
    if (role) el.setAttribute("role", role);
    if (item.role === "menu") el.setAttribute("aria-haspopup", "listbox");
    el.addEventListener("click", () => call("_trialmatch_studio_press", el.dataset.key));
    el.addEventListener("focus", () => {
      if (el.dataset.list) el.parentElement.querySelectorAll(`[data-list="${el.dataset.list}"]`).forEach((row) => {
        row.toggleAttribute("data-current", row === el);
      });
    });
    return el;
  }
  // Its words: the name, and a value (a field's text) in the value's own language.
  function setWords(el, item) {
    if (!item.value) {
      setText(el, item.name);
      setAttr(el, "lang", item.lang || null);
      return;
    }
    setAttr(el, "lang", null);
    let value = el.querySelector("span");
    if (!value || el.firstChild.nodeType !== Node.TEXT_NODE || el.childNodes.length !== 2) {
      el.textContent = "";
      el.append(document.createTextNode(""), (value = document.createElement("span")));
    }
    if (el.firstChild.data !== item.name + ": ") el.firstChild.data = item.name + ": ";
    setText(value, item.value);
    setAttr(value, "lang", item.lang || null);
  }
  function updateControl(el, item) {
    setWords(el, item);
    const on = item.on ? "true" : "false";
    setAttr(el, "aria-checked", item.role === "checkbox" || item.role === "radio" ? on : null);
    setAttr(el, "aria-pressed", item.role === "toggle" ? on : null);
    setAttr(el, "aria-selected", item.role === "tab" || item.role === "choice" ? on : null);
    setAttr(el, "aria-expanded", item.role === "menu" ? on : null);
    setAttr(el, "aria-current", item.role === "row" && item.on ? "true" : null);
    setAttr(el, "aria-disabled", item.enabled ? null : "true");
    if (item.list) el.dataset.list = item.list;
    else delete el.dataset.list;
  }

  // Whether an element is already as `item` (placed from `origin`) would make it; if not, it
  // notes it will be. Each frame sends every item and most are as they were (typing changes one
  // field): those cost nothing.
  function unchanged(el, item, origin) {
    const made = [item.role, item.name, item.value, item.lang, item.on, item.enabled, item.list, item.anchor,
                  item.x - origin.x, item.y - origin.y, item.w, item.h].join("\u0001");
    if (el.madeFrom === made) return true;
    el.madeFrom = made;
    return false;
  }

  // A run of tabs, radio buttons or a menu's choices is one group, as ARIA wants them.
  const groupRole = { tab: "tablist", radio: "radiogroup", choice: "listbox" };

  // The children a pane's element should have, in order: kept elements where they match.
  function paneChildren(section, pane) {
    const oldTexts = Array.from(section.querySelectorAll(":scope > .m-text, :scope > h2"));
    const oldGroups = Array.from(section.querySelectorAll(":scope > [data-group]"));
    const wanted = [];
    let group = null;
    let textAt = 0;
    let menuName = "";
    pane.items.forEach((item) => {
      if (!item.key) {
        const tag = item.role === "heading" ? "H2" : "P";
        let el = oldTexts[textAt];
        if (!el || el.tagName !== tag) {
          el = document.createElement(tag);
          el.className = "m-text";
        } else {
          textAt++;
        }
        if (!unchanged(el, item, pane)) {
          setText(el, item.name);
          setAttr(el, "lang", item.lang || null);
          // The preview's heading takes the focus when the preview shows a new screen.
          setAttr(el, "tabindex", item.anchor ? "-1" : null);
          el.toggleAttribute("data-anchor", item.anchor);
          place(el, item, pane);
        }
        wanted.push(el);
        group = null;
        return;
      }
      if (item.role === "menu") menuName = item.name;
      let el = controls.get(item.key);
      if (!el || el.dataset.role !== item.role) {
        el = makeControl(item);
        controls.set(item.key, el);
      }
      seen.add(item.key);
      const inGroup = groupRole[item.role];
      const origin = inGroup === "listbox" ? { x: 0, y: 0 } : pane;
      if (!unchanged(el, item, origin)) {
        updateControl(el, item);
        place(el, item, origin);
      }
      if (!inGroup) {
        wanted.push(el);
        group = null;
        return;
      }
      if (!group || group.role !== inGroup) {
        let box = oldGroups.find((g) => g.dataset.group === inGroup && !g.dataset.used);
        if (!box) {
          box = document.createElement("div");
          box.dataset.group = inGroup;
          box.setAttribute("role", inGroup);
        }
        // A menu's list is named as the menu is.
        setAttr(box, "aria-label", inGroup === "listbox" ? menuName : null);
        box.dataset.used = "1";
        group = { role: inGroup, box, members: [] };
        wanted.push(box);
      }
      group.members.push(el);
      group.box.members = group.members;
    });
    wanted.forEach((el) => {
      if (el.dataset && el.dataset.group) {
        sync(el, el.members);
        delete el.dataset.used;
      }
    });
    // A list's rows (the paths: thousands) are one stop of Tab, the row last focused (or the
    // first); the arrow keys go along them.
    const lists = {};
    wanted.forEach((el) => {
      if (el.dataset && el.dataset.list) (lists[el.dataset.list] = lists[el.dataset.list] || []).push(el);
    });
    Object.values(lists).forEach((rows) => {
      const current = rows.find((row) => row.hasAttribute("data-current")) || rows[0];
      rows.forEach((row) => { row.tabIndex = row === current ? 0 : -1; });
    });
    return wanted;
  }

  // `parent`'s children become `wanted`, in order, moving only what is out of place: the gone
  // ones go first, so that the others keep their places (an element moved loses the focus).
  function sync(parent, wanted) {
    const keep = new Set(wanted);
    Array.from(parent.childNodes).forEach((el) => {
      if (!keep.has(el)) parent.removeChild(el);
    });
    let at = parent.firstChild;
    wanted.forEach((el) => {
      if (el === at) at = at.nextSibling;
      else parent.insertBefore(el, at);
    });
    while (at) {
      const next = at.nextSibling;
      parent.removeChild(at);
      at = next;
    }
  }

  function update(json) {
    const data = JSON.parse(json);
    // The interface's language, for a screen reader's voice (the study's texts in another
    // language say so themselves).
    if (document.documentElement.lang !== data.lang) document.documentElement.lang = data.lang;
    const active = document.activeElement;
    const focusedKey = active && root.contains(active) && active.dataset ? active.dataset.key || "" : "";
    const inPreview = focusedKey.startsWith("p:") || !!(active && active.hasAttribute && active.hasAttribute("data-anchor"));
    const hadDialog = !!root.querySelector("[role=dialog]");
    seen = new Set();
    if (data.status !== lastStatus) {
      // Not the first: the page has just opened, and its counts are on the checks' tab.
      if (lastStatus !== null) setText(live, data.status);
      lastStatus = data.status;
    }
    const sections = data.panes.map((pane, i) => {
      let section = root.children[i + 1];  // after the status line
      const role = pane.dialog ? "dialog" : "region";
      if (!section || section.getAttribute("role") !== role) {
        section = document.createElement("section");
        section.setAttribute("role", role);
        if (pane.dialog) section.setAttribute("aria-modal", "true");
        section.tabIndex = -1;
      }
      setAttr(section, "aria-label", pane.name);
      place(section, pane);
      sync(section, paneChildren(section, pane));
      return section;
    });
    sync(root, [live, ...sections]);
    // The controls no longer drawn are forgotten.
    const order = Array.from(root.querySelectorAll("button"));
    controls.forEach((el, key) => {
      if (!seen.has(key)) controls.delete(key);
    });
    const dialog = root.querySelector("[role=dialog]");
    if (dialog && !hadDialog) {
      // A question: the focus goes to its first answer, and back where it was afterwards.
      focusBeforeDialog = focusedKey || null;
      const first = dialog.querySelector("button");
      if (first && (focusedKey || !active || active === document.body)) first.focus({ preventScroll: true });
      return;
    }
    if (!dialog && hadDialog && focusBeforeDialog && controls.has(focusBeforeDialog)) {
      controls.get(focusBeforeDialog).focus({ preventScroll: true });
      focusBeforeDialog = null;
      return;
    }
    // The preview shows a new screen: as the patient app's own mirror does, its heading takes
    // the focus (if the focus was in the preview) and the screen is announced; what is typed on
    // a keypad, and a problem with an answer, are announced as they change.
    const p = data.preview;
    if (p.view !== lastPreview.view && lastPreview.view !== 0 && p.heading) {
      setText(live, p.heading + (p.progress ? ". " + p.progress : ""));
      const anchor = root.querySelector("[data-anchor]");
      if (inPreview && anchor) anchor.focus({ preventScroll: true });
    } else if (p.view === lastPreview.view && p.problem && p.problem !== lastPreview.problem) {
      setText(live, p.problem);
    } else if (p.view === lastPreview.view && p.entry !== lastPreview.entry && p.entry) {
      setText(live, p.entry);
    }
    lastPreview = p;
    if (!focusedKey || root.contains(document.activeElement)) return;
    // The focused control went (a menu's choice was made, an item removed) or was moved (which
    // takes the focus from it): the focus goes back to it, or to the menu the choice was in, or
    // to the control before it.
    const kept = controls.get(focusedKey);
    if (kept) return kept.focus({ preventScroll: true });
    const before = previous.get(focusedKey);
    const menu = before && before.menu ? controls.get(before.menu) : null;
    if (menu) return menu.focus({ preventScroll: true });
    const near = before && before.keys.map((k) => controls.get(k)).find((el) => el);
    if (near) return near.focus({ preventScroll: true });
    const section = order.length ? order[0].closest("section") : root.querySelector("section");
    if (section) section.focus({ preventScroll: true });
  }

  // For each control, the menu it is a choice of and the controls before it (nearest first),
  // from the last update: where the focus goes when it is gone.
  let previous = new Map();
  function remember() {
    previous = new Map();
    const buttons = Array.from(root.querySelectorAll("button"));
    let menu = "";
    buttons.forEach((el, i) => {
      if (el.dataset.role === "menu") menu = el.dataset.key;
      const keys = buttons.slice(Math.max(0, i - 8), i).reverse().map((b) => b.dataset.key);
      previous.set(el.dataset.key, { menu: el.dataset.role === "choice" ? menu : "", keys });
    });
  }

  // Keys in the mirror are the page's: the studio's own keyboard handling (GLFW's) must not also
  // act on them. Escape closes a menu or the question; the arrow keys move within a group (tabs,
  // radio buttons, a menu's choices), and Down opens into an open menu's choices.
  ["keydown", "keyup", "keypress"].forEach((type) => {
    window.addEventListener(type, (event) => {
      // Tab from the page (the canvas, after a click) comes into the mirror: the browser's own
      // Tab, which the studio's keyboard handling would otherwise stop.
      const tab = event.key === "Tab" && !event.ctrlKey && !event.altKey && !event.metaKey;
      if (tab && event.target !== document.getElementById("studio-text")) event.stopImmediatePropagation();
      if (!root.contains(document.activeElement)) return;
      event.stopImmediatePropagation();
      if (type !== "keydown") return;
      const el = document.activeElement;
      if (event.key === "Escape") {
        event.preventDefault();
        call("_trialmatch_studio_escape", "");
        return;
      }
      const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[event.key];
      if (!step || !el.dataset) return;
      let target = null;
      if (el.dataset.role === "menu" && step > 0 && el.getAttribute("aria-expanded") === "true") {
        const list = el.nextElementSibling;
        target = list && list.getAttribute("role") === "listbox" ? list.querySelector("button") : null;
      } else if (el.dataset.list && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
        // Along a list's rows: the next one is there even out of view (it then comes into view).
        const rows = Array.from(el.parentElement.querySelectorAll(`[data-list="${el.dataset.list}"]`));
        target = rows[rows.indexOf(el) + step] || null;
      } else if (el.parentElement && el.parentElement.dataset.group) {
        const members = Array.from(el.parentElement.children);
        target = members[members.indexOf(el) + step] || null;
        if (!target && step < 0 && el.dataset.role === "choice") target = el.parentElement.previousElementSibling;
      }
      if (target) {
        event.preventDefault();
        target.focus({ preventScroll: true });
      }
    }, true);
  });
  // The studio is told where the focus is: a control's key, or "" (a heading, or out of the
  // mirror), so that it scrolls the control into view and the preview draws its ring on its own
  // button with the focus, or on none.
  root.addEventListener("focusin", (event) => {
    call("_trialmatch_studio_focus", (event.target.tagName === "BUTTON" && event.target.dataset.key) || "");
  });
  root.addEventListener("focusout", (event) => {
    if (!event.relatedTarget || !root.contains(event.relatedTarget)) call("_trialmatch_studio_focus", "");
  });

  window.studioMirror = {
    update(json) {
      update(json);
      remember();
    },
    // Whether the keyboard focus is in the mirror, and to put it back on a control (after the
    // page's text field closes).
    hasFocus() {
      return root.contains(document.activeElement);
    },
    focusKey(key) {
      const el = controls.get(key);
      if (el) el.focus({ preventScroll: true });
      return !!el;
    },
  };
})();
