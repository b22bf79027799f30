#include "near_me.h"

#include <cmath>

namespace trialmatch::flow {

void NearMe::open(bool at_start) {
  at_start_ = at_start;
  entry_ = zip_;
}

bool NearMe::type_digit(int digit) {
  if (waiting_ || digit < 0 || digit > 9 || entry_.size() >= 5) return false;
  entry_ += static_cast<char>('0' + digit);
  return true;
}

bool NearMe::delete_digit() {
  if (waiting_) return false;  // the code being looked up stays as it was
  if (!entry_.empty()) entry_.pop_back();
  return true;
}

bool NearMe::clear_entry() {
  if (waiting_) return false;
  entry_.clear();
  return true;
}

void NearMe::clear_zip() {
  zip_.clear();
  entry_.clear();
  place_ = LatLon{};
  limit_ = 0;
}

void NearMe::forget_person() {
  clear_zip();
  at_start_ = false;
}

NearMe::Lookup NearMe::submit(EffectQueue& effects) {
  if (entry_.size() != 5) return Lookup::NeedsFiveDigits;
  if (!table_) {
    waiting_ = true;
    if (!requested_) effects.push(effect::FetchFile{kZipTableFile});
    requested_ = true;
    return Lookup::Waiting;
  }
  const std::optional<LatLon> place = table_->find(entry_);
  if (!place) return Lookup::NotFound;
  zip_ = entry_;
  place_ = *place;
  return Lookup::Found;
}

NearMe::TableArrival NearMe::on_table(const std::string* text, const std::string& problem) {
  if (table_) return TableArrival::Nobody;
  std::string error = problem;
  if (text) table_ = ZipTable::parse(*text, error);
  const bool waiting = waiting_;
  waiting_ = false;
  if (!table_) requested_ = false;  // the person may try again
  if (!waiting) return TableArrival::Nobody;
  return table_ ? TableArrival::Ready : TableArrival::Failed;
}

std::optional<double> NearMe::miles_to(const Trial& trial) const {
  if (zip_.empty() || !table_) return std::nullopt;
  return nearest_site_miles(trial, *table_, place_);
}

std::optional<long> NearMe::shown_miles(const Trial& trial) const {
  const std::optional<double> miles = miles_to(trial);
  if (!miles) return std::nullopt;
  return std::lround(*miles);
}

bool NearMe::within_limit(const Trial& trial) const {
  if (limit_ <= 0) return true;
  const std::optional<long> miles = shown_miles(trial);
  return !miles || *miles <= limit_;
}

}  // namespace trialmatch::flow
