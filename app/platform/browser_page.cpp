// The page's own scripts (web/*.js), reached through window.trialmatch: the EM_JS shims the
// platform calls, wrapped as the plain C++ functions declared in browser.h.
// Every name the shims share with the page's scripts is written quoted (window["trialmatch"]
// ["openLink"]): app.js goes through Closure Compiler, which renames dotted names but never a
// quoted one (build-scripts/check_exports.py refuses a dotted one here and in browser.cpp).
#include <emscripten.h>

#include <string>

#include "browser.h"
#include "input_limits.h"

// clang-format off
EM_JS(int, tm_missing_page_functions, (), {
  // Every window.trialmatch function the shims here and in browser.cpp call (the build checks
  // this list against those calls, and that the page's scripts define each one:
  // build-scripts/check_exports.py). Those the page lacks are named in the console.
  var needed = ["closeShareWindow", "fileToOpen", "freshStart", "idleClock", "onRuntimeReady", "openLink",
                "openShareWindow", "postToHost", "printSummary", "siteFile", "updateMirror"];
  var missing = needed.filter(function(name) {
    return !window["trialmatch"] || typeof window["trialmatch"][name] !== "function";
  });
  if (missing.length > 0) console.error("trialmatch: the page's scripts do not define " + missing.join(", "));
  return missing.length;
});

EM_JS(void, tm_post_to_host, (const char* json), {
  // Embedded: hands a message to the host page (web/boot.js checks the host's origin).
  window["trialmatch"]["postToHost"](JSON.parse(UTF8ToString(json)));
});

EM_JS(int, tm_open_share_window, (const char* texts), {
  // The share's confirmation, in a window of the app's own (web/host.js); 0 if none opened.
  return window["trialmatch"]["openShareWindow"](JSON.parse(UTF8ToString(texts))) ? 1 : 0;
});

EM_JS(void, tm_close_share_window, (), { window["trialmatch"]["closeShareWindow"](); });

EM_JS(int, tm_prefers_more_contrast, (), {
  return (window.matchMedia && window.matchMedia("(prefers-contrast: more)").matches) ||
         new URLSearchParams(window.location.search).get("contrast") === "more" ? 1 : 0;
});

EM_JS(void, tm_app_started, (), {
  // The app runs: tests and the mirror may read it, and the host's channel opens.
  window["trialmatch"]["ready"] = true;
  window["trialmatch"]["onRuntimeReady"]();  // web/host.js
});

EM_JS(void, tm_fresh_start, (const char* support_lang), {
  // The kiosk's wipe: the same address loaded afresh (web/lifecycle.js).
  window["trialmatch"]["freshStart"](UTF8ToString(support_lang));
});

EM_JS(int, tm_start_on_support, (), {
  // 1 or 2 (English, Spanish) when this load follows a wipe on the support screen.
  var lang = window["trialmatch"]["startOnSupport"];
  return lang === "en" ? 1 : lang === "es" ? 2 : 0;
});

EM_JS(double, tm_idle_clock, (), { return window["trialmatch"]["idleClock"](); });

EM_JS(void, tm_screen_changed, (), {
  // The screen settled: the accessibility mirror catches up (web/mirror.js).
  if (window["trialmatch"]["updateMirror"]) window["trialmatch"]["updateMirror"]();
});

EM_JS(void, tm_open_link, (const char* url), {
  // tel:, sms: and mailto: links open the phone's apps; https: a new tab (web/boot.js).
  window["trialmatch"]["openLink"](UTF8ToString(url));
});
EM_JS(void, tm_print_summary, (const char* json), {
  // The summary is laid out as text in a print-only part of the page (web/print.js).
  if (window["trialmatch"]["printSummary"]) window["trialmatch"]["printSummary"](UTF8ToString(json));
});
EM_JS(void, tm_save_file, (const char* name, const char* text), {
  // Continue later: the file of answers the person asked to save, handed to the browser as
  // a download made on the device (a blob: address, let go once the download has it).
  var url = URL.createObjectURL(new Blob([UTF8ToString(text)], {type: "application/json"}));
  var link = document.createElement("a");
  link.href = url;
  link.download = UTF8ToString(name);
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(function() { URL.revokeObjectURL(url); }, 60000);
});
EM_JS(void, tm_pick_saved_file, (double max_bytes), {
  // Continue later: the person picks a saved file; it is read here, on the device, and its
  // text handed to the app (a file over max_bytes is not read).
  var input = document.createElement("input");
  input.type = "file";
  input.accept = ".json,application/json";
  input.style.display = "none";
  function deliver(text, too_big) {
    var size = lengthBytesUTF8(text) + 1, ptr = _malloc(size);
    stringToUTF8(text, ptr, size);
    Module["_trialmatch_on_saved_answers"](ptr, too_big);
    _free(ptr);
  }
  input.addEventListener("cancel", function() { input.remove(); });
  input.addEventListener("change", function() {
    var file = input.files && input.files[0];
    input.remove();
    if (!file) return;
    if (file.size > max_bytes) return deliver("", 1);
    // A NUL would end the C string early; U+FFFD keeps the file unreadable at the same place.
    file.text().then(function(text) { deliver(text.split(String.fromCharCode(0)).join(String.fromCharCode(0xFFFD)), 0); },
                     function() { deliver("", 0); });
  });
  document.body.appendChild(input);
  input.click();
});
// clang-format on

namespace trialmatch::platform {

bool page_is_complete() { return tm_missing_page_functions() == 0; }
bool prefers_more_contrast() { return tm_prefers_more_contrast() != 0; }

std::string support_language_after_wipe() {
  const int lang = tm_start_on_support();
  return lang == 1 ? "en" : lang == 2 ? "es" : "";
}

double idle_clock_seconds() { return tm_idle_clock(); }
void app_started() { tm_app_started(); }
void screen_changed() { tm_screen_changed(); }
void open_link(const std::string& url) { tm_open_link(url.c_str()); }
void print_summary(const std::string& json) { tm_print_summary(json.c_str()); }
void save_file(const std::string& name, const std::string& text) { tm_save_file(name.c_str(), text.c_str()); }
void pick_saved_file() { tm_pick_saved_file(static_cast<double>(limits::kMaxFileBytes)); }
void post_to_host(const std::string& json) { tm_post_to_host(json.c_str()); }
bool open_share_window(const std::string& texts) { return tm_open_share_window(texts.c_str()) != 0; }
void close_share_window() { tm_close_share_window(); }
void fresh_start(const std::string& support_lang) { tm_fresh_start(support_lang.c_str()); }

}  // namespace trialmatch::platform
