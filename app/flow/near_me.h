// "Studies near me", on a catalog: the ZIP code the person types, the distance they could
// travel, and the miles to each study. The ZIP code stays in this page's memory: it is looked
// up in the site's ZIP code table (kZipTableFile, the same file for everyone, fetched the
// first time a person asks) and never sent anywhere.
#pragma once

#include <optional>
#include <string>

#include "effects.h"
#include "trial.h"
#include "zip_table.h"

namespace trialmatch::flow {

class NearMe {
 public:
  static constexpr const char* kZipTableFile = "places/us-zips.txt";

  const std::string& zip() const { return zip_; }      // "" when none is given
  const std::string& entry() const { return entry_; }  // digits typed on the Zip screen
  bool table_loading() const { return waiting_; }      // Continue was pressed; the table is on its way
  int distance_limit() const { return limit_; }        // miles; 0: any distance
  // The Zip screen was opened by Start, before a catalog's questions, not from the results.
  bool at_start() const { return at_start_; }

  // The Zip screen opens, showing the ZIP code in use.
  void open(bool at_start);
  // Typing; nothing changes while a code is being looked up. Returns whether it did.
  bool type_digit(int digit);
  bool delete_digit();
  bool clear_entry();
  // The person left the Zip screen: the table arriving changes nothing.
  void stop_waiting() { waiting_ = false; }
  void set_distance_limit(int miles) { limit_ = miles; }
  // No ZIP code, no distance limit.
  void clear_zip();
  // Nothing of this person: clear_zip, and the next Zip screen is not the one at the start.
  void forget_person();

  enum class Lookup { NeedsFiveDigits, Waiting, NotFound, Found };
  // Continue on the Zip screen: the typed code is looked up; the first time, the table is
  // fetched (Waiting) and the look-up happens when it arrives (on_table).
  Lookup submit(EffectQueue& effects);
  enum class TableArrival { Nobody, Failed, Ready };
  // The table arrived (`text`), or could not be fetched (`problem`): whether someone was
  // waiting on it, and whether it can be used. A failed table can be asked for again.
  TableArrival on_table(const std::string* text, const std::string& problem);

  // Miles from the ZIP code to the trial's nearest site, when both are known.
  std::optional<double> miles_to(const Trial& trial) const;
  // The same in whole miles, as the screen shows it ("About 25 miles away") and the limit counts it.
  std::optional<long> shown_miles(const Trial& trial) const;
  // Within the distance limit: a study whose distance is not known is.
  bool within_limit(const Trial& trial) const;

 private:
  std::optional<ZipTable> table_;
  bool waiting_ = false;    // the table was asked for and has not arrived
  bool requested_ = false;  // asked for once per page
  std::string entry_, zip_;
  LatLon place_;
  int limit_ = 0;
  bool at_start_ = false;
};

}  // namespace trialmatch::flow
