// The browser's own APIs: the page's address and language, the file a ?trial= or
// ?catalog= names and fetching the site's study files, the canvas's size and the device pixel ratio (declared in browser.h).
#include "browser.h"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <cstdlib>

#include "input_limits.h"

// clang-format off
EM_JS(char*, tm_query_param, (const char* name), {
  var value = new URLSearchParams(window.location.search).get(UTF8ToString(name));
  if (value === null) value = "";
  var size = lengthBytesUTF8(value) + 1;
  var ptr = _malloc(size);
  stringToUTF8(value, ptr, size);
  return ptr;
});

EM_JS(char*, tm_browser_language, (), {
  var value = (navigator.languages && navigator.languages[0]) || navigator.language || "en";
  var size = lengthBytesUTF8(value) + 1;
  var ptr = _malloc(size);
  stringToUTF8(value, ptr, size);
  return ptr;
});

EM_JS(char*, tm_file_to_open, (), {
  var file = window["trialmatch"]["fileToOpen"]();
  var size = lengthBytesUTF8(file) + 1;
  var ptr = _malloc(size);
  stringToUTF8(file, ptr, size);
  return ptr;
});

EM_JS(void, tm_fetch_site_file, (const char* url_ptr, double max_bytes, double timeout_ms), {
  // Reads at most max_bytes (a bigger file is refused without being kept: limits::kMaxFileBytes)
  // and gives up after timeout_ms, so a hostile or broken server cannot leave "Loading" up.
  var url = UTF8ToString(url_ptr);
  function deliver(fn, a, b) {
    var sa = lengthBytesUTF8(a) + 1, sb = lengthBytesUTF8(b) + 1;
    var pa = _malloc(sa), pb = _malloc(sb);
    stringToUTF8(a, pa, sa);
    stringToUTF8(b, pb, sb);
    fn(pa, pb);
    _free(pa);
    _free(pb);
  }
  if (url !== "places/us-zips.txt" && window["trialmatch"]["siteFile"](url) !== url) {
    deliver(Module["_trialmatch_on_file_error"], url, "it is not one of this website's study files");
    return;
  }
  var TooBig = {};
  // The page may have started this download already (web/boot.js): take it up, once.
  var early = window["trialmatch"]["earlyFetch"];
  window["trialmatch"]["earlyFetch"] = null;
  if (early && early["url"] !== url) early = null;
  var controller = early ? early["controller"] : typeof AbortController === "function" ? new AbortController() : null;
  var timedOut = false;
  var timer = setTimeout(function() { timedOut = true; if (controller) controller.abort(); }, timeout_ms);
  function readCapped(response) {
    if (Number(response.headers.get("content-length")) > max_bytes) throw TooBig;
    if (!response.body || !response.body.getReader) {
      return response.text().then(function(text) { if (text.length > max_bytes) throw TooBig; return text; });
    }
    var reader = response.body.getReader(), chunks = [], total = 0;
    function pump() {
      return reader.read().then(function(part) {
        if (part.done) {
          var bytes = new Uint8Array(total), at = 0;
          chunks.forEach(function(c) { bytes.set(c, at); at += c.length; });
          return new TextDecoder().decode(bytes);
        }
        total += part.value.length;
        if (total > max_bytes) { reader.cancel(); throw TooBig; }
        chunks.push(part.value);
        return pump();
      });
    }
    return pump();
  }
  (early ? early["response"] : fetch(url, {credentials: "same-origin", cache: "no-cache", signal: controller ? controller.signal : undefined}))
    .then(function(response) {
      if (!response.ok) throw new Error("the server answered " + response.status + " " + response.statusText);
      return readCapped(response);
    })
    .then(function(text) {
      clearTimeout(timer);
      // A NUL would end the C string early; U+FFFD keeps the file invalid at the same place.
      deliver(Module["_trialmatch_on_file_text"], url, text.split(String.fromCharCode(0)).join(String.fromCharCode(0xFFFD)));
    })
    .catch(function(error) {
      clearTimeout(timer);
      if (error === TooBig) {
        if (controller) controller.abort();  // the connection closes now, not when the browser next reads
        deliver(Module["_trialmatch_on_file_too_big"], url, "");
        return;
      }
      var reason = timedOut ? "the file did not arrive in " + Math.round(timeout_ms / 1000) + " seconds"
                            : String(error && error.message || error);
      deliver(Module["_trialmatch_on_file_error"], url, reason);
    });
});
// clang-format on

namespace trialmatch::platform {

namespace {
std::string take(char* p) {
  std::string s = p ? p : "";
  std::free(p);
  return s;
}
}  // namespace

std::string query_param(const char* name) { return take(tm_query_param(name)); }
std::string browser_language() { return take(tm_browser_language()); }
std::string file_to_open() { return take(tm_file_to_open()); }
void fetch_site_file(const std::string& url) {
  tm_fetch_site_file(url.c_str(), static_cast<double>(limits::kMaxFileBytes), kFetchTimeoutSeconds * 1000.0);
}

void canvas_css_size(double& width, double& height) { emscripten_get_element_css_size("#canvas", &width, &height); }
double device_pixel_ratio() { return emscripten_get_device_pixel_ratio(); }

}  // namespace trialmatch::platform
