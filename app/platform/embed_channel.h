// The embedded channel: when the app runs in a sponsor's page (?embed=1), what the host page
// is told and what it tells the app (web/host.js; web/boot.js checks the host's origin).
// The host hears "ready", the welcome screen's height once, and a summary only when the person
// chose to send it, and confirmed in the app's own window (web/confirm.html); the app hears
// its origin, once the deployment allows shares to it, and the answer from that window.
#pragma once

namespace trialmatch::platform {

// Tells the app whether it is embedded; until the host says otherwise, there is no host to
// share with. `tell_height`: the host is told the welcome screen's height (once); never at a
// kiosk, whose every load (after a wipe from any screen) must look the same to the host.
void open_embed_channel(bool embedded, bool tell_height);

// web/host.js: the host's origin once the deployment allows shares to it ("" if not).
void set_host(const char* origin);

// web/host.js: the person answered in the share's confirmation window (`yes`: "Yes, send
// them"; else "No" or closed).
void share_window_answered(bool yes);

// Once the app runs: the host hears "ready".
void announce_ready();

// After each frame: tells the host the first screen's height once it has `settled` (no more
// frames wanted). (The share goes to the host as one of the flow's effects: app_runner.cpp.)
void tell_host(bool settled);

}  // namespace trialmatch::platform
