// Embedded in a sponsor's page: whether this person may send a result's summary to the host
// page, and which summaries they chose to send. A share is confirmed in a window of the app's
// own (web/confirm.html), never in the frame: the host page can clip, mask, filter or cover
// the frame in ways the frame cannot detect, but cannot style or reach that window.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

namespace trialmatch::flow {

class Sharing {
 public:
  // `host_site`: the host page's origin, when the deployment allows shares to it ("" if not).
  void set_embedded(bool embedded, const std::string& host_site) {
    embedded_ = embedded;
    host_site_ = host_site;
  }
  bool embedded() const { return embedded_; }
  const std::string& host_site() const { return host_site_; }
  bool allowed() const { return embedded_ && !host_site_.empty(); }

  // The studies (-1: the one study) whose summary this person sent.
  bool shared(int study) const { return std::find(shared_.begin(), shared_.end(), study) != shared_.end(); }
  bool shared_any() const { return !shared_.empty(); }
  void mark_shared(int study) { shared_.push_back(study); }
  void forget_person() { shared_.clear(); }

  // The browser or the host page would not open the confirmation window.
  bool window_blocked() const { return window_blocked_; }
  void set_window_blocked(bool blocked) { window_blocked_ = blocked; }

 private:
  bool embedded_ = false;
  std::string host_site_;
  std::vector<int> shared_;
  bool window_blocked_ = false;
};

}  // namespace trialmatch::flow
