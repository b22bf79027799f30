// The screens draw the flow's state in the flow's own terms (Flow, Screen, Intent, Lang,
// Phrase, DrawnFrame...): app/ui depends on app/flow and nothing in app/flow depends on it,
// so in app/ui those names are used without the flow:: prefix.
#pragma once

#include "intent.h"
#include "screen_model.h"
#include "ui_text.h"

namespace trialmatch::ui {
using namespace trialmatch::flow;
}  // namespace trialmatch::ui
