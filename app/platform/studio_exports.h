// The studio's one app, for the functions its page's script calls (studio_exports.cpp).
#pragma once

namespace trialmatch::studio {
class StudioApp;
}

namespace trialmatch::platform {
studio::StudioApp& studio_app();
bool studio_started();  // main() has made the app
}  // namespace trialmatch::platform
