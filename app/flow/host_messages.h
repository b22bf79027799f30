// Every message the embedded app sends its host page, built here and nowhere else
// (docs/embedding.md lists them). There are three, and none says anything the person did
// not choose to send: that the app runs, the first screen's height, and a share the person
// confirmed.
#pragma once

#include <string>

#include "session.h"
#include "ui_text.h"

namespace trialmatch::flow {

// {"type":"ready"}: the app runs (sent once, at start).
std::string ready_message();

// {"type":"height","height":N}: the welcome screen's height in CSS pixels, told once.
std::string height_message(int css_height);

// {"type":"share","summary":{...}}: the trial, the verdict, each criterion and the answers,
// in `lang`, sent only after the person pressed "Send to the study team" and confirmed.
std::string share_message(const Session& session, Lang lang);

}  // namespace trialmatch::flow
