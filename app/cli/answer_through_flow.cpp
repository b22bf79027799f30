#include "answer_through_flow.h"

#include <chrono>
#include <cmath>
#include <memory>

#include "screen_model.h"

namespace trialmatch::cli {

namespace {

using flow::Intent;
using K = flow::Intent::Kind;

// The intents a person gives for `answer` on a question screen; empty when it cannot be typed
// or tapped so in one go.
std::vector<Intent> intents_for(const Answer& answer) {
  switch (answer.kind) {
    case Answer::Kind::Choice: return {Intent::choose(answer.choice)};
    case Answer::Kind::Unknown: return {Intent::choose_unknown(answer.unknown_kind)};
    case Answer::Kind::Number: {
      if (answer.number < 0 || answer.number != std::floor(answer.number) || answer.number > 999999) return {};
      std::vector<Intent> out;
      for (char c : std::to_string(static_cast<long>(answer.number))) out.push_back(Intent::with_number(K::Digit, c - '0'));
      out.push_back(Intent::of(K::Continue));
      return out;
    }
    default: return {};
  }
}

}  // namespace

AnswerThroughFlow::AnswerThroughFlow(const Catalog& catalog, const std::vector<const Trial*>& trials) : flow_(flow::Lang::En) {
  // The studies' trials belong to the caller: the flow's catalog only points to them.
  std::vector<std::shared_ptr<const Trial>> borrowed;
  for (const Trial* t : trials) borrowed.emplace_back(t, [](const Trial*) {});
  flow_.open_catalog("catalogs/generated.json", std::make_unique<flow::CatalogQuestionnaire>(catalog, std::move(borrowed)));
  flow_.apply(Intent::of(K::Start));
  if (flow_.screen() == flow::Screen::Zip) flow_.apply(Intent::of(K::SkipZip));
  if (flow_.screen() == flow::Screen::Question) first_ = flow_.question_index();
}

double AnswerThroughFlow::time_answer(const Answer& answer) {
  const std::vector<Intent> intents = intents_for(answer);
  if (intents.empty() || first_ < 0) return -1;
  if (flow_.screen() != flow::Screen::Question || flow_.question_index() != first_) flow_.apply(Intent::of(K::Back));
  if (flow_.screen() != flow::Screen::Question || flow_.question_index() != first_) return -1;
  const auto start = std::chrono::steady_clock::now();
  for (const Intent& intent : intents) flow_.apply(intent);
  const flow::ScreenModel model = flow::screen_model(flow_, {});
  const double microseconds = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count();
  return model.screen.empty() ? -1 : microseconds;
}

}  // namespace trialmatch::cli
