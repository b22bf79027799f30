// The embedded channel (see embed_channel.h).
#include "embed_channel.h"

#include <cmath>
#include <string>

#include "browser.h"
#include "canvas.h"
#include "frame_scheduler.h"
#include "app_runner.h"
#include "host_messages.h"
#include "prescreen_app.h"

namespace trialmatch::platform {

namespace {
bool embedded = false;
bool height_told = false;  // the welcome screen's height goes to the host once, at load
}  // namespace

void open_embed_channel(bool is_embedded, bool tell_height) {
  embedded = is_embedded;
  height_told = !tell_height;
  runner().flow().set_embedded(embedded, "");
}

void announce_ready() {
  if (embedded) post_to_host(flow::ready_message());
}

void set_host(const char* origin) {
  runner().flow().set_embedded(embedded, embedded ? origin : "");
  wake();
}

void share_window_answered(bool yes) {
  runner().update([yes](flow::Flow& flow) { flow.share_window_answered(yes); });
  wake();
}

void tell_host(bool settled) {
  if (!embedded) return;
  // The host sizes the frame to the first screen: its height in CSS pixels, told once when
  // it has settled, and never again (a later height, after a change of language or text
  // size, or on a later screen, could hint at the person; later screens scroll inside).
  const int css_height = static_cast<int>(std::ceil(runner().app().content_height() / canvas().pixel_ratio));
  if (!height_told && runner().flow().height_is_public() && settled && css_height > 0) {
    height_told = true;
    post_to_host(flow::height_message(css_height));
  }
}

}  // namespace trialmatch::platform
