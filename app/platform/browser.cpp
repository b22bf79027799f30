#include "browser.h"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <cstdlib>

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

EM_JS(char*, tm_study_file, (const char* value), {
  var file = window.trialmatch.studyFile(UTF8ToString(value));
  var size = lengthBytesUTF8(file) + 1;
  var ptr = _malloc(size);
  stringToUTF8(file, ptr, size);
  return ptr;
});

EM_JS(void, tm_fetch_trial, (const char* url_ptr), {
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
  fetch(url, {credentials: "same-origin", cache: "no-cache"})
    .then(function(response) {
      if (!response.ok) throw new Error("the server answered " + response.status + " " + response.statusText);
      return response.text();
    })
    .then(function(text) { deliver(Module["_trialmatch_on_trial_text"], url, text); })
    .catch(function(error) { deliver(Module["_trialmatch_on_trial_error"], url, String(error && error.message || error)); });
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
std::string study_file(const std::string& value) { return take(tm_study_file(value.c_str())); }
void fetch_trial(const std::string& url) { tm_fetch_trial(url.c_str()); }

void canvas_css_size(double& width, double& height) { emscripten_get_element_css_size("#canvas", &width, &height); }
double device_pixel_ratio() { return emscripten_get_device_pixel_ratio(); }

}  // namespace trialmatch::platform
