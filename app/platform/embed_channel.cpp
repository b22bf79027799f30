// The embedded channel (see embed_channel.h).
#include "embed_channel.h"

#include <cmath>
#include <string>

#include "browser.h"
#include "canvas.h"
#include "frame_scheduler.h"
#include "host_messages.h"
#include "prescreen_app.h"

namespace trialmatch::platform {

namespace {
ui::PrescreenApp* app = nullptr;
bool embedded = false;
bool height_told = false;  // the welcome screen's height goes to the host once, at load
}  // namespace

void open_embed_channel(ui::PrescreenApp& the_app, bool is_embedded, bool tell_height) {
  app = &the_app;
  embedded = is_embedded;
  height_told = !tell_height;
  app->flow().set_embedded(embedded, "");
}

void announce_ready() {
  if (embedded) post_to_host(flow::ready_message());
}

void set_host(const char* origin) {
  app->flow().set_embedded(embedded, embedded ? origin : "");
  wake();
}

void share_window_answered(bool yes) {
  app->flow().share_window_answered(yes);
  wake();
}

void tell_host(bool settled) {
  if (!embedded) return;
  // The share's confirmation window (web/confirm.html): closed with its screen, opened on
  // the person's press (the browser allows a new window only soon after one).
  if (app->flow().take_share_window_close()) close_share_window();
  const std::string texts = app->flow().take_share_window_request();
  if (!texts.empty()) app->flow().share_window_opened(open_share_window(texts));
  for (const std::string& message : app->flow().take_host_messages()) post_to_host(message);
  // The host sizes the frame to the first screen: its height in CSS pixels, told once when
  // it has settled, and never again (a later height, after a change of language or text
  // size, or on a later screen, could hint at the person; later screens scroll inside).
  const int css_height = static_cast<int>(std::ceil(app->content_height() / canvas().pixel_ratio));
  if (!height_told && app->flow().height_is_public() && settled && css_height > 0) {
    height_told = true;
    post_to_host(flow::height_message(css_height));
  }
}

}  // namespace trialmatch::platform
