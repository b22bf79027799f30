// Kiosk timers: the app's timers (the kiosk's idle countdown) run from browser timeouts, not
// from drawn frames (a hidden page draws none), so the page can stay idle, drawing nothing,
// until the app next needs to run. A wipe the app asks for is carried out by loading the
// page afresh, so nothing of the person stays in memory.
#pragma once

namespace trialmatch::ui {
class PrescreenApp;
}

namespace trialmatch::platform {

// Runs `app`'s timers from now on (the first run_app_timers sets the first timeout).
void start_app_timers(ui::PrescreenApp& app);

// Lets the app advance its timers now (it may ask for a wipe, carried out at once), and
// sets a timeout for when it next needs to run.
void run_app_timers();

// Carries out a wipe the app asked for, if any: the page is loaded afresh.
void carry_out_wipe();

}  // namespace trialmatch::platform
