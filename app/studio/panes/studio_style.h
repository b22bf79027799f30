// The studio's look: compact desktop spacing over the app's theme (which the preview keeps),
// the colours of findings, and the panes as fixed windows.
#pragma once

#include "imgui.h"

namespace trialmatch::studio {

namespace colour {
inline const ImVec4 kError(0.70f, 0.11f, 0.11f, 1);
inline const ImVec4 kToDo(0.55f, 0.33f, 0.0f, 1);
inline const ImVec4 kWarning(0.25f, 0.32f, 0.45f, 1);
inline const ImVec4 kGood(0.08f, 0.43f, 0.20f, 1);
inline const ImVec4 kPane(0.975f, 0.978f, 0.985f, 1);
inline const ImVec4 kEditor(1, 1, 1, 1);
inline const ImVec4 kFrame(0.93f, 0.945f, 0.96f, 1);
inline const ImVec4 kSelected(0.84f, 0.91f, 0.95f, 1);
inline const ImVec4 kMuted(0.36f, 0.39f, 0.44f, 1);
inline const ImVec4 kHighlight(1.0f, 0.96f, 0.75f, 1);
}  // namespace colour

// The least a control measures each way, in CSS pixels: what a pointer can hit (WCAG 2.5.8).
constexpr float kMinTarget = 24;

// A list's row: its height, so that the row with the spacing around it is at least kMinTarget
// (`u`: device pixels per CSS pixel).
float row_height(float u);

// Compact spacing for the studio's own panes while it lives (the preview keeps the app's).
class PaneStyle {
 public:
  explicit PaneStyle(float u);
  ~PaneStyle();
  PaneStyle(const PaneStyle&) = delete;
  PaneStyle& operator=(const PaneStyle&) = delete;
};

// A fixed pane at (x, y), `width` x `height` pixels, with `background`; End it with ImGui::End.
void begin_pane(const char* name, float x, float y, float width, float height, const ImVec4& background,
                bool scrolls = true);

// A button that is greyed out and does nothing when `enabled` is false.
bool button(const char* label, bool enabled = true);

}  // namespace trialmatch::studio
