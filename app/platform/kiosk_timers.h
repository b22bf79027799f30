// Kiosk timers: the app's timers (the kiosk's idle countdown) run from browser timeouts, not
// from drawn frames (a hidden page draws none), so the page can stay idle, drawing nothing,
// until the app next needs to run. A wipe the app asks for is carried out by loading the
// page afresh, so nothing of the person stays in memory.
#pragma once

namespace trialmatch::platform {

// Lets the app advance its timers now (a wipe it asks for is carried out at once), and sets
// a timeout for when it next needs to run.
void run_app_timers();

}  // namespace trialmatch::platform
