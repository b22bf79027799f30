// The words of the share's confirmation window (web/confirm.html), made here in the person's
// language: the page only places them. The window is the app's own, so the host page cannot
// clip, mask or cover any of it (flow.h, take_share_window_request).
#pragma once

#include <string>

#include "ui_text.h"

namespace trialmatch::flow {

// JSON: {"lang", "heading", "study", "body", "receiver", "yes", "no", "sent", "not_sent"}, for
// the study `study_title`, sent to `host_site` on "yes".
std::string share_window_texts(const std::string& study_title, const std::string& host_site, Lang lang);

}  // namespace trialmatch::flow
