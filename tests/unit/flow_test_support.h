// What the flow's unit tests share: the seed study and the depression catalog opened as the
// platform would open them, and the flow's effect queue (effects.h) read one kind at a time
// (what a page would have been asked to do since the test last looked).
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "flow.h"
#include "study_files.h"

namespace trialmatch_test {

// The names the flow's tests use.
using trialmatch::Answer;
using trialmatch::UnknownKind;
using trialmatch::flow::Flow;
using trialmatch::flow::Intent;
using trialmatch::flow::Lang;
using trialmatch::flow::NearMe;
using trialmatch::flow::Screen;
using K = trialmatch::flow::Intent::Kind;

inline std::string seed_text() { return read_source_file("assets/trials/NCT04979910.json"); }

// The seed study, opened.
inline trialmatch::flow::Flow seed_flow(trialmatch::flow::Lang lang = trialmatch::flow::Lang::En) {
  trialmatch::flow::Flow flow(lang);
  flow.on_file_text("trials/NCT04979910.json", seed_text());
  return flow;
}

inline constexpr const char* kCatalog = "catalogs/depression.json";

// The depression catalog: the catalog, then each file it asks for, delivered as the platform
// would.
inline trialmatch::flow::Flow catalog_flow(trialmatch::flow::Lang lang = trialmatch::flow::Lang::En) {
  trialmatch::flow::Flow flow(lang);
  flow.on_file_text(kCatalog, read_source_file("assets/catalogs/depression.json"));
  for (const auto& fetch : flow.effects().take<trialmatch::flow::effect::FetchFile>())
    flow.on_file_text(fetch.path, read_source_file("assets/" + fetch.path));
  return flow;
}

namespace effect = trialmatch::flow::effect;

// The site files to fetch (a catalog's study files, the ZIP code table), in order.
inline std::vector<std::string> taken_fetches(trialmatch::flow::Flow& flow) {
  std::vector<std::string> out;
  for (const effect::FetchFile& f : flow.effects().take<effect::FetchFile>()) out.push_back(f.path);
  return out;
}

// The link to open; "" when none (one press opens one link).
inline std::string taken_link(trialmatch::flow::Flow& flow) {
  const auto links = flow.effects().take<effect::OpenLink>();
  EXPECT_LE(links.size(), 1u) << "one link";
  return links.empty() ? "" : links.back().url;
}

// The last summary to print; "" when none.
inline std::string taken_print(trialmatch::flow::Flow& flow) {
  const auto prints = flow.effects().take<effect::Print>();
  return prints.empty() ? "" : prints.back().summary;
}

// The last file to save; empty when none.
inline effect::SaveFile taken_save(trialmatch::flow::Flow& flow) {
  const auto saves = flow.effects().take<effect::SaveFile>();
  return saves.empty() ? effect::SaveFile{} : saves.back();
}

// Whether the file picker was asked for.
inline bool taken_pick(trialmatch::flow::Flow& flow) { return !flow.effects().take<effect::PickSavedFile>().empty(); }

// The words of the last confirmation window to open; "" when none.
inline std::string taken_share_window(trialmatch::flow::Flow& flow) {
  const auto windows = flow.effects().take<effect::OpenShareWindow>();
  return windows.empty() ? "" : windows.back().texts;
}

// Whether the confirmation window was asked to close.
inline bool taken_share_window_close(trialmatch::flow::Flow& flow) {
  return !flow.effects().take<effect::CloseShareWindow>().empty();
}

inline std::vector<std::string> taken_host_messages(trialmatch::flow::Flow& flow) {
  std::vector<std::string> out;
  for (const effect::PostToHost& m : flow.effects().take<effect::PostToHost>()) out.push_back(m.message);
  return out;
}

// A kiosk's wipe: none, to the welcome screen, or to the support screen again.
enum class Wipe { None, ToWelcome, ToSupport };
inline Wipe taken_wipe(trialmatch::flow::Flow& flow) {
  const auto starts = flow.effects().take<effect::FreshStart>();
  EXPECT_LE(starts.size(), 1u) << "one wipe";
  if (starts.empty()) return Wipe::None;
  return starts.back().support_lang.empty() ? Wipe::ToWelcome : Wipe::ToSupport;
}

}  // namespace trialmatch_test
