// Under the editor: every finding of the checks (a click goes to its place), the paths and
// the verdicts they end in, and each criterion's status for the answers given in the preview.
#include <algorithm>
#include <string>

#include "evaluation.h"
#include "studio_app.h"
#include "studio_style.h"

namespace trialmatch::studio {

void StudioApp::draw_bottom(const StudioFonts& fonts, float x, float y, float width, float height) {
  const PaneStyle style(fonts.ratio);
  begin_pane("##bottom", x, y, width, height, colour::kPane);
  mirror_.pane(say(Say::PaneBelow, lang_));
  if (ImGui::BeginTabBar("##tabs")) {
    // For a screen reader, the checks' tab says what its counts are.
    const std::string counts = checks_known() ? std::to_string(checks_.errors) + " · " + std::to_string(checks_.to_dos) + " · " +
                                                    std::to_string(checks_.warnings)
                                              : std::string("…");
    const std::string counts_said =
        checks_known() ? std::string(say(Say::Errors, lang_)) + ": " + std::to_string(checks_.errors) + ", " + say(Say::ToDos, lang_) +
                             ": " + std::to_string(checks_.to_dos) + ", " + say(Say::Warnings, lang_) + ": " +
                             std::to_string(checks_.warnings)
                       : say(Say::Checking, lang_);
    const std::string checks = std::string(say(Say::Checks, lang_)) + " (" + counts + ")###checks";
    // Said once the checks of an edit are in, wherever the focus is.
    if (checks_known() && !checks_asked_) mirror_.status(counts_said);
    const bool checks_tab = ImGui::BeginTabItem(checks.c_str());
    place("tab:checks");
    mirror_.control(MirrorRole::Tab, std::string(say(Say::Checks, lang_)) + " (" + counts_said + ")", checks_tab);
    if (checks_tab) {
      draw_checks(fonts);
      ImGui::EndTabItem();
    }
    const bool paths_tab = ImGui::BeginTabItem((std::string(say(Say::Paths, lang_)) + "###paths").c_str());
    place("tab:paths");
    mirror_.control(MirrorRole::Tab, say(Say::Paths, lang_), paths_tab);
    if (paths_tab) {
      draw_paths(fonts);
      ImGui::EndTabItem();
    }
    const bool now_tab = ImGui::BeginTabItem((std::string(say(Say::CriteriaNow, lang_)) + "###now").c_str());
    place("tab:now");
    mirror_.control(MirrorRole::Tab, say(Say::CriteriaNow, lang_), now_tab);
    if (now_tab) {
      draw_criteria_now(fonts);
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  ImGui::End();
}

void StudioApp::draw_checks(const StudioFonts& fonts) {
  if (!checks_known()) {
    line(colour::kMuted, say(Say::Checking, lang_));
    return;
  }
  // The first line says what the list is, or that the last change is being checked (in its
  // place, so that nothing below moves when the answer comes).
  const Say first = checks_asked_ ? Say::CheckingAgain : checks_.findings.empty() ? Say::NoProblems : Say::ClickToGo;
  line(first == Say::NoProblems ? colour::kGood : colour::kMuted, say(first, lang_));
  int n = 0;
  for (const Finding& f : checks_.findings) {
    const bool error = f.kind == Finding::Kind::Error, to_do = f.kind == Finding::Kind::ToDo;
    const Say kind = error ? Say::Errors : to_do ? Say::ToDos : Say::Warnings;
    ImGui::PushID(n++);
    ImGui::PushFont(fonts.bold);
    ImGui::TextColored(error ? colour::kError : to_do ? colour::kToDo : colour::kWarning, "%s", say(kind, lang_));
    ImGui::PopFont();
    ImGui::SameLine();
    const std::string line = (f.pointer.empty() ? std::string("/") : f.pointer) + "  " + f.message.in(lang_);
    // The whole finding, wrapped, is one line to click.
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float wrap = ImGui::GetContentRegionAvail().x;
    const float h = std::max(ImGui::CalcTextSize(line.c_str(), nullptr, false, wrap).y, row_height(ratio_));
    const bool go = ImGui::Selectable("##finding", false, ImGuiSelectableFlags_AllowItemOverlap, ImVec2(0, h));
    mirror_.control(MirrorRole::Row, std::string(say(kind, lang_)) + ": " + line);
    if (go) {
      select(editor_page_of(f.pointer, document_->kind()));
      go_to_ = f.pointer;
    }
    ImGui::SetCursorScreenPos(at);
    ImGui::PushTextWrapPos(at.x + wrap - ImGui::GetWindowPos().x);
    ImGui::TextUnformatted(line.c_str());
    ImGui::PopTextWrapPos();
    // The next finding starts below the whole row, which may be taller than its words.
    const float below = at.y + h + ImGui::GetStyle().ItemSpacing.y;
    if (ImGui::GetCursorScreenPos().y < below) ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, below));
    ImGui::PopID();
  }
}

void StudioApp::draw_paths(const StudioFonts&) {
  if (!checks_known()) {
    line(colour::kMuted, say(Say::Checking, lang_));
    return;
  }
  if (!checks_.paths_known) {
    const bool catalog = document_->kind() == DocumentKind::Catalog;
    const Say why = checks_asked_ ? Say::CheckingAgain : catalog ? Say::PathsPerStudy : Say::PathsUnknown;
    line(colour::kMuted, say(why, lang_));
    return;
  }
  const std::string count = flow::fill(say(Say::PathsCount, lang_), {{"n", std::to_string(checks_.paths)}});
  ImGui::TextUnformatted(count.c_str());
  mirror_.text(count);
  for (const auto& [verdict, n] : checks_.paths_by_verdict) {
    const Say words = verdict == "likely_eligible" ? Say::VerdictLikely : verdict == "needs_review" ? Say::VerdictReview : Say::VerdictNot;
    ImGui::BulletText("%zu: %s", n, say(words, lang_));
    mirror_.text(std::to_string(n) + ": " + say(words, lang_));
  }
  if (checks_.paths_stopped) {
    const std::string stopped = flow::fill(say(Say::PathsStopped, lang_), {{"n", std::to_string(kMaxPathsWalked)}});
    ImGui::TextWrapped("%s", stopped.c_str());
    mirror_.text(stopped);
  }
  line(colour::kMuted, say(checks_asked_ ? Say::CheckingAgain : Say::PathOpens, lang_));
  // Only the paths that end in one verdict, or all.
  const char* verdicts[] = {"", "likely_eligible", "needs_review", "not_eligible"};
  const Say names[] = {Say::AllPaths, Say::VerdictLikely, Say::VerdictReview, Say::VerdictNot};
  for (int v = 0; v < 4; ++v) {
    if (v > 0) ImGui::SameLine();
    if (ImGui::RadioButton(say(names[v], lang_), path_filter_ == verdicts[v])) path_filter_ = verdicts[v];
    place(std::string("paths:") + (v == 0 ? "all" : verdicts[v]));
    mirror_.control(MirrorRole::Radio, say(names[v], lang_), path_filter_ == verdicts[v]);
  }
  std::vector<std::size_t> shown;
  for (std::size_t i = 0; i < checks_.first_paths.size(); ++i)
    if (path_filter_.empty() || checks_.first_paths[i].verdict == path_filter_) shown.push_back(i);
  // Only the rows in view are laid out (a study can have thousands of paths).
  // ...and the rows beside the one with the keyboard focus, so that Tab reaches the next row
  // (which then comes into view).
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(shown.size()));
  if (focused_row_ >= 0) clipper.ForceDisplayRangeByIndices(std::max(0, focused_row_ - 1), focused_row_ + 2);
  focused_row_ = -1;
  while (clipper.Step())
    for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
      const std::size_t i = shown[static_cast<std::size_t>(row)];
      const PathSummary& path = checks_.first_paths[i];
      const Say words = path.verdict == "likely_eligible" ? Say::VerdictLikely : path.verdict == "needs_review" ? Say::VerdictReview : Say::VerdictNot;
      // The verdict first: the steps run on past the pane's edge.
      const std::string words_line = std::to_string(i + 1) + ". " + say(words, lang_) + ":  " + path.steps;
      const std::string line = words_line + "###path" + std::to_string(i);
      // A row of checks not yet of the file as it stands would open another path: not until then.
      if (ImGui::Selectable(line.c_str(), false, checks_current() ? 0 : ImGuiSelectableFlags_Disabled, ImVec2(0, row_height(ratio_))))
        preview_path(i);
      place("path:" + std::to_string(i));
      if (MirrorItem* item = mirror_.control(MirrorRole::Row, words_line, false, checks_current())) item->list = "paths";
      if (mirror_.has_focus()) focused_row_ = row;
    }
}

void StudioApp::draw_criteria_now(const StudioFonts&) {
  if (!preview_ || !preview_->flow().has_trial()) {
    line(colour::kMuted, say(Say::PreviewWaits, lang_));
    return;
  }
  const Trial& trial = preview_->flow().trial();
  const Evaluation& evaluation = preview_->flow().session().evaluation();
  for (const CriterionResult& r : evaluation.criteria) {
    const Criterion& c = trial.criteria[static_cast<std::size_t>(r.criterion_index)];
    Say outcome = Say::OutcomeMeets;
    ImVec4 colour = colour::kGood;
    switch (r.outcome) {
      case CriterionOutcome::Passes: break;
      case CriterionOutcome::RulesOut: outcome = Say::OutcomeFails, colour = colour::kError; break;
      case CriterionOutcome::NeedsReview: outcome = Say::OutcomeReview, colour = colour::kToDo; break;
      case CriterionOutcome::Open: outcome = Say::OutcomeOpen, colour = colour::kMuted; break;
      case CriterionOutcome::StudyTeam: outcome = Say::OutcomeTeam, colour = colour::kWarning; break;
    }
    ImGui::TextColored(colour, "%s", say(outcome, lang_));
    ImGui::SameLine(150 * ratio_);
    ImGui::Text("%s (%s)", c.id.c_str(), say(c.kind == CriterionKind::Inclusion ? Say::Inclusion : Say::Exclusion, lang_));
    mirror_.text(std::string(say(outcome, lang_)) + ": " + c.id + " (" +
                 say(c.kind == CriterionKind::Inclusion ? Say::Inclusion : Say::Exclusion, lang_) + ")");
  }
}

}  // namespace trialmatch::studio
