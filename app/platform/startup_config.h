// Start-up configuration: what the page's address (?lang=, ?mode=kiosk&idle=, ?embed=1,
// ?accent=, ?trial=, ?contrast=more), the browser and a kiosk's last wipe ask of this load,
// read once; and setting the app up from it.
#pragma once

#include <optional>
#include <string>

#include "ui_text.h"

namespace trialmatch::platform {

struct StartupConfig {
  flow::Lang lang = flow::Lang::En;     // ?lang=, else the browser's language
  double kiosk_idle_seconds = 0;    // ?mode=kiosk: 1 to 3600 (?idle=, default 90); 0 if not a kiosk
  bool embedded = false;            // ?embed=1: in a sponsor's page (see embed_channel.h)
  std::optional<flow::Lang> support_after_wipe;  // this load follows a kiosk's wipe on the support screen
  bool high_contrast = false;
  std::string accent;               // the embedding sponsor's accent colour, "" for ours
  bool page_complete = true;        // the page's scripts define all the app calls (browser.h)
  std::string file;                 // the study (?trial=) or catalog (?catalog=) file on this
                                    // site (default: the seed study), "" when the link names
                                    // none of this site's files
};

StartupConfig read_startup_config();

// Sets the app up for this load (all but embedding: open_embed_channel) and starts fetching
// the study file, or shows the error screen when ?trial= names none of this site's files.
void apply_startup_config(const StartupConfig& config);

}  // namespace trialmatch::platform
