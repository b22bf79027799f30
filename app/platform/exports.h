// The functions the page's scripts call (Module._trialmatch_*) are all defined, and listed,
// in exports.cpp; they reach the app given here.
#pragma once

namespace trialmatch::ui {
class PrescreenApp;
}

namespace trialmatch::platform {

void connect_exports(ui::PrescreenApp& app);

}  // namespace trialmatch::platform
