// The studio page's side of the studio (app/platform/studio_page.cpp calls window.studioPage):
// the file picker and downloads (both on this computer: nothing is uploaded), the text field
// laid over the field being edited (the browser's own typing, with accents and dead keys,
// clipboard, selection and word wrap), the shortcuts, the worker that runs the checks off the
// page's thread, and a warning before leaving with unsaved edits. It runs before the studio's app script, so its key listeners come first.
"use strict";
// Emscripten's script reads its settings from this object: the canvas it draws on.
var Module = { canvas: document.getElementById("canvas") };
(function () {
  const field = document.getElementById("studio-text");
  let shownSerial = -1;
  let multiline = false;
  let unsaved = false;
  let fieldKey = "";  // the field's control in the accessibility mirror (studio-mirror.js)
  let openedFromMirror = false;

  // Calls an exported function; strings go as C strings, numbers as they are.
  function call(exported, ...args) {
    const pointers = [];
    const values = args.map((a) => {
      if (typeof a !== "string") return a;
      const size = Module.lengthBytesUTF8(a) + 1;
      const ptr = Module._malloc(size);
      Module.stringToUTF8(a, ptr, size);
      pointers.push(ptr);
      return ptr;
    });
    Module[exported](...values);
    pointers.forEach((p) => Module._free(p));
  }

  // The checks worker (studio-checks.js: app/platform/studio_checks_worker.cpp), started with
  // the page so that it loads with it. It speaks Emscripten's worker protocol: a message names
  // the function and carries the bytes; the answer carries bytes back. Without it (it failed
  // to start or stopped), the studio runs the checks itself.
  let checks = null;
  function checksFailed() {
    if (checks) checks.terminate();
    checks = null;
    // Before the studio runs, there is nothing to tell: it will find no worker to send to.
    if (typeof Module !== "undefined" && Module.calledRun) Module._trialmatch_studio_checks_failed();
  }
  try {
    checks = new Worker("studio-checks.js");
    checks.onmessage = (event) => {
      const bytes = event.data && event.data.data;
      if (!bytes || !bytes.length) return;
      const ptr = Module._malloc(bytes.length);
      Module.HEAPU8.set(bytes, ptr);
      Module._trialmatch_studio_checks_done(ptr, bytes.length);
      Module._free(ptr);
    };
    checks.onerror = (event) => {
      event.preventDefault();
      checksFailed();
    };
  } catch (e) {
    checks = null;
  }

  window.studioPage = {
    sendChecks(bytes) {
      if (!checks) return false;
      checks.postMessage({ funcName: "trialmatch_checks_run", callbackId: 0, data: bytes }, [bytes.buffer]);
      return true;
    },
    language() {
      const asked = new URLSearchParams(location.search).get("lang");
      const lang = asked || (navigator.languages && navigator.languages[0]) || navigator.language || "en";
      return lang.toLowerCase().startsWith("es") ? "es" : "en";
    },
    pickFile(maxBytes) {
      const input = document.createElement("input");
      input.type = "file";
      input.accept = ".json,application/json";
      input.style.display = "none";
      document.body.appendChild(input);
      input.addEventListener("cancel", () => input.remove());
      input.multiple = true;  // a catalog with its studies' files
      input.addEventListener("change", () => {
        const files = Array.from(input.files || []);
        input.remove();
        // A file beyond what the studio opens (maxBytes) is not read at all; a NUL would end
        // the C string early, and U+FFFD keeps the JSON broken at the same place.
        const read = (file) => (file.size > maxBytes ? Promise.resolve("") : file.text().catch(() => ""))
          .then((text) => text.split("\u0000").join("\ufffd"));
        Promise.all(files.map(read)).then((texts) => texts.forEach((text, i) =>
          call("_trialmatch_studio_open_file", files[i].name, text, i, files.length)));
      });
      input.click();
    },
    download(name, type, text) {
      const url = URL.createObjectURL(new Blob([text], { type }));
      const link = document.createElement("a");
      link.href = url;
      link.download = name;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
    },
    placeText(serial, open, x, y, width, height, isMultiline, value, lang, name, key) {
      if (!open) {
        shownSerial = serial;
        if (!field.hidden) {
          field.hidden = true;
          // Back where the typing started: the mirror's copy of the field, for whoever came
          // with the keyboard, or the canvas.
          const mirror = window.studioMirror;
          if (!(openedFromMirror && mirror && mirror.focusKey(fieldKey))) document.getElementById("canvas").focus();
          openedFromMirror = false;
        }
        return;
      }
      Object.assign(field.style, { left: x + "px", top: y + "px", width: width + "px", height: height + "px" });
      if (serial !== shownSerial) {
        shownSerial = serial;
        multiline = isMultiline;
        if (field.hidden) openedFromMirror = !!(window.studioMirror && window.studioMirror.hasFocus());
        fieldKey = key;
        field.setAttribute("aria-label", name);
        field.lang = lang || "zxx";
        field.value = value;
        field.hidden = false;
        field.focus();
        field.setSelectionRange(value.length, value.length);
      }
    },
    setUnsaved(value) {
      unsaved = value;
    },
  };

  field.addEventListener("input", (event) => {
    if (event.isComposing) return;  // an accent or character still being composed
    if (!multiline && field.value.includes("\n")) field.value = field.value.replace(/\n/g, " ");
    call("_trialmatch_studio_text_input", field.value);
  });
  field.addEventListener("compositionend", () => call("_trialmatch_studio_text_input", field.value));
  field.addEventListener("blur", () => {
    // Another window taking the focus (copying from the protocol) does not end the typing.
    if (!field.hidden && document.hasFocus()) Module._trialmatch_studio_text_done();
  });

  // Keys typed into the text field are the field's: the app's keyboard handling (GLFW's,
  // which would cancel Backspace) never sees them.
  function own(event) {
    if (event.target !== field) return false;
    event.stopImmediatePropagation();
    return true;
  }
  window.addEventListener("keydown", (event) => {
    if (own(event)) {
      if (event.key === "Tab" && !event.ctrlKey && !event.altKey && !event.metaKey) {
        // To the next field (Shift: the previous one), as in any form; the field stays focused
        // and takes the next field's text.
        event.preventDefault();
        Module._trialmatch_studio_text_tab(event.shiftKey ? 1 : 0);
      } else if (event.key === "Escape" || (event.key === "Enter" && !multiline)) {
        event.preventDefault();
        field.blur();
      } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
        // Save from inside a field too: the typing ends, then the study is saved.
        event.preventDefault();
        field.blur();
        Module._trialmatch_studio_shortcut(2);
      }
      return;
    }
    const mod = event.ctrlKey || event.metaKey;
    if (!mod || typeof Module === "undefined" || !Module._trialmatch_studio_shortcut) return;
    const key = event.key.toLowerCase();
    const which = key === "z" ? (event.shiftKey ? 1 : 0) : key === "y" ? 1 : key === "s" ? 2 : -1;
    if (which < 0) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    Module._trialmatch_studio_shortcut(which);
  }, true);
  window.addEventListener("keypress", own, true);
  window.addEventListener("keyup", own, true);

  window.addEventListener("beforeunload", (event) => {
    if (!unsaved) return;
    event.preventDefault();
    event.returnValue = "";
  });
})();
