#include "kiosk_clock.h"

#include <algorithm>
#include <cmath>

namespace trialmatch::flow {

void KioskClock::note_activity(double now) {
  now_ = now;
  last_activity_ = now;
}

void KioskClock::stop_countdown() {
  countdown_end_ = -1;
  note_activity(now_);
}

int KioskClock::countdown_seconds() const { return std::max(0, static_cast<int>(std::ceil(countdown_end_ - now_))); }

KioskClock::Tick KioskClock::tick(double now, bool anything, bool give_way) {
  now_ = now;
  if (!on() || !anything || wiping_) {
    countdown_end_ = -1;
    return {};
  }
  if (countdown_end_ >= 0) {
    if (now < countdown_end_) return {Event::None, std::min(1.0, countdown_end_ - now)};  // redraw it every second
    countdown_end_ = -1;
    wiping_ = true;
    return {Event::Wipe, -1};
  }
  const double idle_until = last_activity_ + idle_;
  if (now < idle_until) return {Event::None, idle_until - now};
  if (give_way) return {Event::IdleAgain, -1};
  // The countdown runs from when the idle time ran out, not from when a tick noticed: a page
  // that was hidden or frozen through all of it is wiped at once, with no second chance.
  countdown_end_ = idle_until + std::min(15.0, idle_);
  if (now >= countdown_end_) {
    countdown_end_ = -1;
    wiping_ = true;
    return {Event::Wipe, -1};
  }
  return {Event::CountdownShown, 0};
}

}  // namespace trialmatch::flow
