// What the flow asks of the page: everything it cannot do itself (fetch a file, open a link,
// print, save or pick a file, load the page afresh, open or close the share's window, post a
// message to the host page). The flow pushes each one onto its queue as the person's intent or
// time calls for it; the platform takes the queue and carries each out, in order, in one place
// (app/platform/app_runner.cpp). Native tests read the same queue.
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace trialmatch::flow::effect {

// One of the site's own files, from its root: a catalog's study file, the ZIP code table.
struct FetchFile {
  std::string path;
};
// tel:, sms:, mailto: or https: (the study's contact, the crisis lines).
struct OpenLink {
  std::string url;
};
// The printable summary (JSON, printable_summary.h), laid out and the print dialog opened.
struct Print {
  std::string summary;
};
// A download the person asked for: their answers (saved_answers.h) or a FHIR response.
struct SaveFile {
  std::string file_name, text;
};
// The system's file picker, for a saved file of answers; its text comes back to
// Flow::on_saved_answers.
struct PickSavedFile {};
// A kiosk's wipe: the page loaded afresh (new memory). `support_lang` ("en", "es") shows the
// support screen again after it; "" the welcome screen.
struct FreshStart {
  std::string support_lang;
};
// The share's confirmation window (web/confirm.html) with these words (JSON,
// share_window_texts.h); whether it opened goes back to Flow::share_window_opened.
struct OpenShareWindow {
  std::string texts;
};
struct CloseShareWindow {};
// A message for the host page (JSON, host_messages.h).
struct PostToHost {
  std::string message;
};

}  // namespace trialmatch::flow::effect

namespace trialmatch::flow {

using Effect = std::variant<effect::FetchFile, effect::OpenLink, effect::Print, effect::SaveFile, effect::PickSavedFile,
                            effect::FreshStart, effect::OpenShareWindow, effect::CloseShareWindow, effect::PostToHost>;

// The effects asked for and not yet carried out, oldest first.
class EffectQueue {
 public:
  // Made in place, one alternative at a time (a whole variant moved in trips GCC 12's
  // -Wmaybe-uninitialized at -O3).
  template <typename Kind>
  void push(Kind effect) {
    effects_.emplace_back(std::in_place_type<Kind>, std::move(effect));
  }
  // Everything asked for so far, and the queue is empty again.
  std::vector<Effect> take() { return std::exchange(effects_, {}); }
  bool empty() const { return effects_.empty(); }
  // Those of one kind, oldest first, leaving the others queued (tests read them so).
  template <typename Kind>
  std::vector<Kind> take() {
    std::vector<Kind> out;
    std::vector<Effect> kept;
    for (Effect& e : effects_) {
      if (Kind* k = std::get_if<Kind>(&e)) out.push_back(std::move(*k));
      else kept.push_back(std::move(e));
    }
    effects_ = std::move(kept);
    return out;
  }
  // Drops what is queued of one kind (a catalog that failed to open fetches nothing more).
  template <typename Kind>
  void drop() {
    take<Kind>();
  }

 private:
  std::vector<Effect> effects_;
};

}  // namespace trialmatch::flow
