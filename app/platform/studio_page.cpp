// The studio's page functions (studio_page.h), each a call to web/studio.js.
#include "studio_page.h"

#include <emscripten.h>

#include <cstdlib>

#include "input_limits.h"
#include "studio_app.h"

// clang-format off
EM_JS(void, tm_studio_pick_file, (double max_bytes), { window.studioPage.pickFile(max_bytes); });
EM_JS(void, tm_studio_download, (const char* name, const char* type, const char* text), {
  window.studioPage.download(UTF8ToString(name), UTF8ToString(type), UTF8ToString(text));
});
EM_JS(void, tm_studio_place_text, (double serial, int open, double x, double y, double w, double h, int multiline,
                                   const char* value, const char* lang, const char* name, const char* key), {
  window.studioPage.placeText(serial, open !== 0, x, y, w, h, multiline !== 0, UTF8ToString(value), UTF8ToString(lang),
                              UTF8ToString(name), UTF8ToString(key));
});
EM_JS(void, tm_studio_update_mirror, (const char* json), { window.studioMirror.update(UTF8ToString(json)); });
EM_JS(void, tm_studio_set_unsaved, (int unsaved), { window.studioPage.setUnsaved(unsaved !== 0); });
EM_JS(int, tm_studio_send_checks, (const char* data, int size), {
  return window.studioPage.sendChecks(HEAPU8.slice(data, data + size)) ? 1 : 0;
});
EM_JS(char*, tm_studio_language, (), {
  var value = window.studioPage.language();
  var size = lengthBytesUTF8(value) + 1;
  var ptr = _malloc(size);
  stringToUTF8(value, ptr, size);
  return ptr;
});
// clang-format on

namespace trialmatch::platform {

// A file larger than the core reads (input_limits.h) is not even read by the page.
void studio_pick_file() { tm_studio_pick_file(static_cast<double>(limits::kMaxFileBytes)); }

void studio_download(const std::string& name, const std::string& type, const std::string& text) {
  tm_studio_download(name.c_str(), type.c_str(), text.c_str());
}

void studio_place_text_field(const studio::TextFieldRequest& f) {
  tm_studio_place_text(static_cast<double>(f.serial), f.open, f.x, f.y, f.width, f.height, f.multiline, f.value.c_str(),
                       f.lang.c_str(), f.name.c_str(), f.key.c_str());
}

void studio_update_mirror(const std::string& json) { tm_studio_update_mirror(json.c_str()); }

bool studio_send_checks(const std::string& request) {
  return tm_studio_send_checks(request.data(), static_cast<int>(request.size())) != 0;
}

void studio_set_unsaved(bool unsaved) { tm_studio_set_unsaved(unsaved); }

std::string studio_language() {
  char* value = tm_studio_language();
  std::string out = value;
  std::free(value);
  return out;
}

}  // namespace trialmatch::platform
