// Thin wrappers over the browser APIs the app needs (Emscripten only), as plain C++
// functions: the browser's own APIs (browser.cpp), and the page's scripts in web/*.js,
// reached through window.trialmatch (browser_page.cpp). Every EM_JS shim lives in those two
// files.
#pragma once

#include <string>

namespace trialmatch::platform {

// ---- The browser (browser.cpp)

std::string query_param(const char* name);  // "" when absent
std::string browser_language();             // navigator.language, e.g. "es-MX"

// The file this page opens: the study file ?trial= names ("trials/NAME.json"), the catalog
// ?catalog= names ("catalogs/NAME.json"), or the seed study; "" when the link does not name
// one of this site's own files (web/boot.js: trialmatch.fileToOpen, which also starts
// downloading it before the app starts).
std::string file_to_open();

// Fetches `url`, one of this site's own study or catalog files (anything else is refused
// as an error; taking up the download web/boot.js started, if it is this file) and calls
// the exported C functions trialmatch_on_file_text / trialmatch_on_file_error /
// trialmatch_on_file_too_big when done: a file over limits::kMaxFileBytes is not read
// further, and a file that has not arrived after kFetchTimeoutSeconds is an error.
inline constexpr double kFetchTimeoutSeconds = 30;
void fetch_site_file(const std::string& url);

// Canvas size in CSS pixels and the device pixel ratio.
void canvas_css_size(double& width, double& height);
double device_pixel_ratio();

// ---- The page's scripts (browser_page.cpp)

// The person asked for more contrast: in the system's settings, or with ?contrast=more.
bool prefers_more_contrast();

// Whether the page's scripts define every window.trialmatch function the app calls (each one
// missing is named in the console); the app runs nothing of a study on a page that does not.
bool page_is_complete();

// "en" or "es" when this load follows a kiosk's wipe on the support screen (web/lifecycle.js),
// "" otherwise.
std::string support_language_after_wipe();

// Seconds by the wall clock (web/lifecycle.js): time asleep, frozen or hidden counts.
double idle_clock_seconds();

// The app runs: tests and the mirror may read it, and the host (if any) hears "ready"
// (web/host.js).
void app_started();

// The screen settled: the accessibility mirror catches up (web/mirror.js).
void screen_changed();

// tel: and sms: links open the phone's dialer or messages app (web/boot.js).
void open_link(const std::string& url);
// Lays out the printable summary (JSON of app/flow/printable_summary.h) and opens the print
// dialog.
void print_summary(const std::string& json);
// Continue later: offers the file of answers as a download; lets the person pick a saved
// file, whose text reaches the app (exports.cpp: trialmatch_on_saved_answers).
void save_file(const std::string& name, const std::string& text);
void pick_saved_file();

// Embedded: hands a JSON message to the host page (web/boot.js checks the host's origin).
void post_to_host(const std::string& json);

// Embedded: opens the share's confirmation window (web/confirm.html, via web/host.js) with
// these words (JSON, share_window_texts.h); false when the browser or the host page would
// not let it open. close_share_window closes it, if it is open.
bool open_share_window(const std::string& texts);
void close_share_window();

// The kiosk's wipe: the same address loaded afresh (web/lifecycle.js); `support_lang`
// ("en", "es") keeps the support screen up after it, "" goes to the welcome screen.
void fresh_start(const std::string& support_lang);

}  // namespace trialmatch::platform
