// Start-up configuration (see startup_config.h).
#include "startup_config.h"

#include <cstdlib>

#include "browser.h"
#include "palette.h"
#include "app_runner.h"

namespace trialmatch::platform {

namespace {

flow::Lang initial_language() {
  std::string lang = query_param("lang");
  if (lang.empty()) lang = browser_language();
  return lang.rfind("es", 0) == 0 ? flow::Lang::Es : flow::Lang::En;
}

}  // namespace

StartupConfig read_startup_config() {
  StartupConfig config;
  config.page_complete = page_is_complete();
  config.lang = initial_language();
  if (query_param("mode") == "kiosk") {
    const double idle = std::atof(query_param("idle").c_str());
    config.kiosk_idle_seconds = idle >= 1 && idle <= 3600 ? idle : 90;  // default: 90 seconds
  }
  config.embedded = query_param("embed") == "1";
  const std::string support = support_language_after_wipe();
  if (!support.empty()) config.support_after_wipe = support == "es" ? flow::Lang::Es : flow::Lang::En;
  config.high_contrast = prefers_more_contrast();
  config.accent = query_param("accent");
  if (config.page_complete) config.file = file_to_open();
  return config;
}

void apply_startup_config(const StartupConfig& config) {
  flow::Flow& flow = runner().flow();
  if (config.kiosk_idle_seconds > 0) flow.set_kiosk(config.kiosk_idle_seconds);
  flow.note_activity(idle_clock_seconds());
  if (config.support_after_wipe) flow.start_on_support(*config.support_after_wipe);
  ui::use_high_contrast(config.high_contrast);
  if (!config.accent.empty()) ui::use_accent(config.accent);
  // A page without all its parts could not keep the app's promises (a wipe, a share's own
  // window): it opens no study, and says so.
  if (!config.page_complete) {
    flow.on_file_fetch_failed("", flow::phrase(flow::Phrase::PageIncomplete, flow.lang()));
    return;
  }
  // A refused value is not shown: it is whatever text the link's author chose.
  if (!config.file.empty()) {
    flow.opening(config.file);
    fetch_site_file(config.file);
  }
  else flow.on_file_fetch_failed("", flow::phrase(flow::Phrase::TrialNotFromThisSite, flow.lang()));
}

}  // namespace trialmatch::platform
