// The render-on-demand frame scheduler: frames are drawn only while something changes
// (input, a resize, a file arriving, a timer). The browser's frame loop is paused while
// there is nothing to draw, so an idle page does no work at all, not even an empty callback.
#pragma once

namespace trialmatch::platform {

// Starts the browser's frame loop, which calls `draw_frame` on each animation frame.
// `draw_frame` begins with take_frame().
void start_frame_loop(void (*draw_frame)());

// Asks for `frames` more frames (ImGui needs a few frames to settle after a change).
void wake(int frames = 3);

// At the start of a frame: false when no frame is wanted (the loop is then paused until
// the next wake); true when one is, which counts it as drawn.
bool take_frame();

// Frames still wanted after the one being drawn: 0 once the page has settled.
int frames_to_draw();

// Draws a frame now, inside the input event being handled: a button released here acts
// within the person's gesture, which the browser requires before it opens the dialer or
// messages app.
void draw_frame_now();

// True while draw_frame_now's frame is being drawn: more input may follow within the same
// event batch, before the person has seen what this frame drew.
bool drawing_within_input();

}  // namespace trialmatch::platform
