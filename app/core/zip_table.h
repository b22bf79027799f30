// US ZIP code centroids (docs/catalog-format.md, "Studies near me"): where a ZIP code is, roughly, so the app can
// tell a person how far each study site is, on their device. The table is a text file built
// at build time (build-scripts/make_zip_table.mjs); a person's ZIP code is only looked up in
// it, never sent anywhere.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "trial.h"

namespace trialmatch {

struct LatLon {
  double lat = 0, lon = 0;  // degrees
};

class ZipTable {
 public:
  // Reads the table strictly: a first line "# trialmatch-zips/1 ...", then "ZIP LAT LON"
  // lines (five digits; hundredths of a degree, in range), sorted, no ZIP twice. On a problem,
  // nullopt and `error` says which line and what.
  static std::optional<ZipTable> parse(const std::string& text, std::string& error);

  // The centroid of `zip` (five digits; a ZIP+4 is read by its first five), if the table has it.
  std::optional<LatLon> find(const std::string& zip) const;
  size_t size() const { return zips_.size(); }

 private:
  std::vector<int> zips_;
  std::vector<LatLon> places_;
};

// Miles between two points along the Earth's surface (haversine, mean radius 3,958.8 miles).
double miles_between(const LatLon& a, const LatLon& b);

// The miles from `from` to the trial's nearest site: placed by its own lat/lon when the file
// gives them, else, in the United States (country "United States" or not given), by its ZIP
// code in the table. A site whose status is given and is not "recruiting" does not count.
// nullopt when no site can be placed.
// Whether a distance to the site could be known: it is recruiting (or the file does not say)
// and has its place, or a US ZIP code to place it by.
bool placeable(const Site& site);
// Whether any site of the trial is placeable: a ZIP code could set the study aside.
bool has_placeable_site(const Trial& trial);

std::optional<double> nearest_site_miles(const Trial& trial, const ZipTable& zips, const LatLon& from);

}  // namespace trialmatch
