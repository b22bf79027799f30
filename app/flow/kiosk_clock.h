// A kiosk's clock: after `idle` seconds without input, "Are you still there?" counts down,
// then the page is wiped (loaded afresh, new memory). The same countdown and one load on every
// screen, so neither the server nor an embedding page can tell which screen a wipe came from.
// Times are seconds by the wall clock: time asleep, frozen or hidden counts.
#pragma once

namespace trialmatch::flow {

class KioskClock {
 public:
  void set_idle(double seconds) { idle_ = seconds; }
  bool on() const { return idle_ > 0; }
  double now() const { return now_; }
  // Any input from the person (a touch, a click, a key). Once the countdown shows, only its
  // own button (stop_countdown) takes it away.
  void note_activity(double now);
  // Someone is there ("I'm still here", a crisis number pressed under it): no countdown, and
  // the idle time starts again.
  void stop_countdown();
  // Someone asked for help: no countdown over the numbers.
  void hide_countdown() { countdown_end_ = -1; }
  bool countdown_shown() const { return countdown_end_ >= 0; }
  int countdown_seconds() const;  // whole seconds left, rounded up
  // The page is being wiped (a countdown ran out, or Start over at a kiosk): nothing more.
  void begin_wipe() { wiping_ = true; }
  bool wiping() const { return wiping_; }

  enum class Event {
    None,            // nothing changed
    CountdownShown,  // the countdown now covers the screen
    IdleAgain,       // `give_way` was asked, and the idle time ran out again: no countdown
    Wipe,            // the countdown ran out: wipe the page now
  };
  struct Tick {
    Event event = Event::None;
    double wake_in = -1;  // seconds until the clock needs another tick; < 0: never
  };
  // `anything`: the page holds something of a person (no countdown over an empty welcome
  // screen). `give_way`: when idle, give way (IdleAgain) instead of counting down.
  Tick tick(double now, bool anything, bool give_way);

 private:
  double idle_ = 0;  // seconds; 0 when not a kiosk
  double last_activity_ = 0, now_ = 0;
  double countdown_end_ = -1;  // < 0 when the countdown is hidden
  bool wiping_ = false;
};

}  // namespace trialmatch::flow
