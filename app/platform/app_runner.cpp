// The app runner (see app_runner.h).
#include "app_runner.h"

#include <type_traits>
#include <variant>

#include "browser.h"
#include "prescreen_app.h"

namespace trialmatch::platform {

AppRunner& runner() {
  static AppRunner the_runner;  // lives as long as the page: main() returns, the page runs on
  return the_runner;
}

void AppRunner::start(flow::Lang lang) { app_ = std::make_unique<ui::PrescreenApp>(lang); }

flow::Flow& AppRunner::flow() { return app_->flow(); }

void AppRunner::carry_out_effects() {
  namespace effect = flow::effect;
  for (std::vector<flow::Effect> effects = flow().effects().take(); !effects.empty(); effects = flow().effects().take()) {
    for (const flow::Effect& e : effects) {
      std::visit(
          [this](const auto& it) {
            using T = std::decay_t<decltype(it)>;
            if constexpr (std::is_same_v<T, effect::FetchFile>) fetch_site_file(it.path);
            else if constexpr (std::is_same_v<T, effect::OpenLink>) open_link(it.url);
            else if constexpr (std::is_same_v<T, effect::Print>) print_summary(it.summary);
            else if constexpr (std::is_same_v<T, effect::SaveFile>) save_file(it.file_name, it.text);
            else if constexpr (std::is_same_v<T, effect::PickSavedFile>) pick_saved_file();
            else if constexpr (std::is_same_v<T, effect::FreshStart>) fresh_start(it.support_lang);
            // The browser allows a new window only soon after the person's press: this runs
            // at the end of the frame that carried the press out.
            else if constexpr (std::is_same_v<T, effect::OpenShareWindow>) flow().share_window_opened(open_share_window(it.texts));
            else if constexpr (std::is_same_v<T, effect::CloseShareWindow>) close_share_window();
            else if constexpr (std::is_same_v<T, effect::PostToHost>) post_to_host(it.message);
            else static_assert(!sizeof(T), "every effect is carried out");
          },
          e);
    }
  }
}

}  // namespace trialmatch::platform
