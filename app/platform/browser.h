// Thin wrappers over the browser APIs the app needs (Emscripten only).
#pragma once

#include <string>

namespace trialmatch::platform {

std::string query_param(const char* name);  // "" when absent
std::string browser_language();             // navigator.language, e.g. "es-MX"

// The study file a ?trial= value names ("trials/NAME.json"), or "" when the value does not
// name one of this site's own study files (web/boot.js: trialmatch.studyFile).
std::string study_file(const std::string& value);

// Fetches `url` (same origin only) and calls the exported C functions
// trialmatch_on_trial_text / trialmatch_on_trial_error / trialmatch_on_trial_too_big when
// done: a file over limits::kMaxFileBytes is not read further, and a file that has not
// arrived after kFetchTimeoutSeconds is an error.
inline constexpr double kFetchTimeoutSeconds = 30;
void fetch_trial(const std::string& url);

// Canvas size in CSS pixels and the device pixel ratio.
void canvas_css_size(double& width, double& height);
double device_pixel_ratio();

}  // namespace trialmatch::platform
