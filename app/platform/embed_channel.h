// The embedded channel: when the app runs in a sponsor's page (?embed=1), what the host page
// is told and what it tells the app (web/host.js; web/boot.js checks the host's origin).
// The host hears "ready", the welcome screen's height once, and a summary only when the person
// chose to send it; it tells the app its origin, once the deployment allows shares to it,
// and whether the frame can be seen whole.
#pragma once

namespace trialmatch::ui {
class PrescreenApp;
}

namespace trialmatch::platform {

// Tells `app` whether it is embedded; until the host says otherwise, an embedded frame
// counts as not seen whole, and there is no host to share with.
void open_embed_channel(ui::PrescreenApp& app, bool embedded);

// web/host.js: the host's origin once the deployment allows shares to it ("" if not).
void set_host(const char* origin);

// web/host.js: whether the frame can be seen whole (not hidden, covered or see-through).
void set_frame_visible(bool visible);

// Once the app runs: the host hears "ready".
void announce_ready();

// After each frame: hands the app's messages to the host, and the first screen's height
// once it has `settled` (no more frames wanted).
void tell_host(bool settled);

}  // namespace trialmatch::platform
