#include "zip_table.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace trialmatch {

namespace {

constexpr const char* kHeader = "# trialmatch-zips/1";

bool five_digits(const std::string& s, size_t at) {
  if (s.size() < at + 5) return false;
  for (size_t i = at; i < at + 5; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

// A whole number, optionally negative, of at most 6 digits, at `at`; advances `at`.
bool read_int(const std::string& s, size_t& at, int& out) {
  bool negative = false;
  if (at < s.size() && s[at] == '-') {
    negative = true;
    ++at;
  }
  const size_t start = at;
  long value = 0;
  while (at < s.size() && s[at] >= '0' && s[at] <= '9' && at - start < 6) value = value * 10 + (s[at++] - '0');
  if (at == start || (at < s.size() && s[at] >= '0' && s[at] <= '9')) return false;
  out = static_cast<int>(negative ? -value : value);
  return true;
}

}  // namespace

std::optional<ZipTable> ZipTable::parse(const std::string& text, std::string& error) {
  ZipTable table;
  size_t line_start = 0;
  int line_number = 0;
  while (line_start < text.size()) {
    size_t end = text.find('\n', line_start);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(line_start, end - line_start);
    line_start = end + 1;
    ++line_number;
    auto fail = [&](const std::string& what) {
      error = "line " + std::to_string(line_number) + ": " + what;
      return std::nullopt;
    };
    if (line_number == 1) {
      if (line.rfind(kHeader, 0) != 0) return fail("not a ZIP code table (it starts with \"" + std::string(kHeader) + "\")");
      continue;
    }
    if (!five_digits(line, 0) || line.size() < 6 || line[5] != ' ') return fail("expected \"ZIP LAT LON\"");
    const int zip = std::stoi(line.substr(0, 5));
    size_t at = 6;
    int lat = 0, lon = 0;
    if (!read_int(line, at, lat) || at >= line.size() || line[at++] != ' ' || !read_int(line, at, lon) || at != line.size())
      return fail("expected \"ZIP LAT LON\", in hundredths of a degree");
    if (lat < -9000 || lat > 9000 || lon < -18000 || lon > 18000) return fail("a latitude or longitude out of range");
    if (!table.zips_.empty() && zip <= table.zips_.back()) return fail("ZIP codes must be sorted, each once");
    table.zips_.push_back(zip);
    table.places_.push_back({lat / 100.0, lon / 100.0});
  }
  if (table.zips_.empty()) {
    error = line_number == 0 ? "the ZIP code table is empty" : "the ZIP code table lists no ZIP code";
    return std::nullopt;
  }
  return table;
}

std::optional<LatLon> ZipTable::find(const std::string& zip) const {
  if (!five_digits(zip, 0) || (zip.size() != 5 && !(zip.size() == 10 && zip[5] == '-'))) return std::nullopt;
  const int key = std::stoi(zip.substr(0, 5));
  const auto it = std::lower_bound(zips_.begin(), zips_.end(), key);
  if (it == zips_.end() || *it != key) return std::nullopt;
  return places_[static_cast<size_t>(it - zips_.begin())];
}

double miles_between(const LatLon& a, const LatLon& b) {
  constexpr double kRadiusMiles = 3958.8;
  constexpr double kPi = 3.14159265358979323846;
  auto radians = [](double degrees) { return degrees * kPi / 180.0; };
  const double dlat = radians(b.lat - a.lat), dlon = radians(b.lon - a.lon);
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(radians(a.lat)) * std::cos(radians(b.lat)) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kRadiusMiles * std::asin(std::min(1.0, std::sqrt(h)));
}

// A site the registry says is not (or not yet) recruiting is not a place to go. The site's own
// place when the file gives it (the registry's geoPoint), else its ZIP code's centre. Another
// country's postal code may look like a US ZIP code (Mexico, Germany, France...), so only a
// US site is placed by its ZIP code.
bool placeable(const Site& site) {
  if (!site.status.empty() && site.status != "recruiting") return false;
  return (site.lat && site.lon) || ((site.country.empty() || site.country == "United States") && !site.zip.empty());
}

bool has_placeable_site(const Trial& trial) {
  return std::any_of(trial.info.sites.begin(), trial.info.sites.end(), placeable);
}

std::optional<double> nearest_site_miles(const Trial& trial, const ZipTable& zips, const LatLon& from) {
  std::optional<double> best;
  for (const Site& site : trial.info.sites) {
    if (!placeable(site)) continue;
    const std::optional<LatLon> at = site.lat && site.lon ? LatLon{*site.lat, *site.lon} : zips.find(site.zip);
    if (!at) continue;
    const double miles = miles_between(from, *at);
    if (!best || miles < *best) best = miles;
  }
  return best;
}

}  // namespace trialmatch
