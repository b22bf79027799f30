// The functions the page's scripts call (Module._trialmatch_*) are all defined, and listed,
// in exports.cpp; they reach the app through runner() (app_runner.h). Nothing to declare
// here: connect_exports only keeps the linker from dropping them with their file.
#pragma once

namespace trialmatch::platform {

void connect_exports();

}  // namespace trialmatch::platform
