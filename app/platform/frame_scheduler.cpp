// The render-on-demand frame scheduler (see frame_scheduler.h).
#include "frame_scheduler.h"

#include <emscripten.h>

namespace trialmatch::platform {

namespace {
void (*draw)() = nullptr;
int wanted = 3;        // ImGui needs a few frames to settle after a change
bool paused = false;   // the browser's frame loop is paused
bool in_input = false;  // the frame being drawn is draw_frame_now's
}  // namespace

void start_frame_loop(void (*draw_frame)()) {
  draw = draw_frame;
  emscripten_set_main_loop(draw_frame, 0, false);
}

void wake(int frames) {
  if (wanted < frames) wanted = frames;
  if (paused) {
    paused = false;
    emscripten_resume_main_loop();
  }
}

bool take_frame() {
  if (wanted <= 0) {
    if (!paused) {
      paused = true;
      emscripten_pause_main_loop();
    }
    return false;
  }
  --wanted;
  return true;
}

int frames_to_draw() { return wanted; }

void draw_frame_now() {
  wake(1);
  in_input = true;
  if (draw) draw();
  in_input = false;
  wake();
}

bool drawing_within_input() { return in_input; }

}  // namespace trialmatch::platform
