// The live preview: the patient app itself (ui::PrescreenApp and its flow), opened on the
// file as it stands, at a phone's size beside the editor. After an edit it opens the new
// text and gives the answers of the preview again, so the author stays where they were.
#include <algorithm>
#include <variant>
#include <string>

#include "studio_app.h"
#include "studio_style.h"

namespace trialmatch::studio {

namespace {

// A phone's page, in CSS pixels (a common phone's width; the height is what the pane has).
constexpr float kPhoneWidth = 390, kPhoneHeight = 844;

}  // namespace

void StudioApp::rebuild_preview() {
  preview_revision_ = document_->revision();
  const bool catalog = document_->kind() == DocumentKind::Catalog;
  // Where the author was in the preview, kept from the last flow that opened the file: a
  // file that does not open for a moment (a rule half typed) does not lose the answers.
  if (preview_ && preview_->flow().has_trial()) {
    const flow::Flow& old = preview_->flow();
    kept_.answers = old.answers_given();
    kept_.screen = old.screen();
    kept_.question.clear();
    if (kept_.screen == flow::Screen::Question && old.question_index() >= 0 && !catalog)
      kept_.question = old.trial().questions[static_cast<std::size_t>(old.question_index())].id;
  }
  preview_ = std::make_unique<ui::PrescreenApp>(preview_lang_);
  flow::Flow& flow = preview_->flow();
  const std::string name = (catalog ? "catalogs/" : "trials/") + document_->file_name();
  flow.opening(name);
  flow.on_file_text(name, document_->text());
  feed_preview_files();
  flow.give_answers_again(kept_.answers, kept_.screen, kept_.question);
  flow.effects().take();
}

// What the preview's flow asks of its page: a catalog's study files come from those opened
// with it (nothing is fetched); anything else is not done in a preview.
void StudioApp::feed_preview_files() {
  flow::Flow& flow = preview_->flow();
  for (std::vector<flow::Effect> effects = flow.effects().take(); !effects.empty(); effects = flow.effects().take())
    for (const flow::Effect& e : effects) {
      const auto* fetch = std::get_if<flow::effect::FetchFile>(&e);
      if (!fetch) continue;
      const auto file = study_files_.find(study_file_name(fetch->path));
      if (file != study_files_.end() && fetch->path.rfind("trials/", 0) == 0) flow.on_file_text(fetch->path, file->second);
      else flow.on_file_fetch_failed(fetch->path, "not opened in the studio");
    }
}

// A path from the list: the preview starts over, is given the path's answers, and shows where
// they lead (the result, when the questions are over).
void StudioApp::preview_path(std::size_t index) {
  if (index >= checks_.first_paths.size() || document_->kind() != DocumentKind::Trial || !checks_current()) return;
  const PathAnswers answers = answers_of_path(*document_, index);
  preview_.reset();
  kept_ = KeptPreview{};
  rebuild_preview();
  flow::Flow& flow = preview_->flow();
  flow.give_answers_again(answers, flow::Screen::Result, "");
  if (flow.screen() == flow::Screen::Review) flow.apply(flow::Intent::of(flow::Intent::Kind::SeeResult));
  flow.effects().take();
}

// "Go to a question": the preview shows it at once.
void StudioApp::draw_jump() {
  const StudyDocument::Json* questions = document_->find("/questions");
  ImGui::SetNextItemWidth(std::max(60.f, ImGui::GetContentRegionAvail().x));
  const bool open = menu("##jump", say(Say::JumpTo, lang_), 0, say(Say::JumpTo, lang_));
  place("preview:jump");
  if (!open) return;
  if (preview_ && questions && questions->is_array())
    for (std::size_t i = 0; i < questions->size(); ++i) {
      const std::string id = string_member((*questions)[i], "id");
      if (choice(std::to_string(i + 1) + ". " + id)) preview_->flow().preview_question(static_cast<int>(i));
      place("jump:" + id);
    }
  ImGui::EndCombo();
}

void StudioApp::draw_preview(const StudioFonts& fonts, float x, float y, float width, float height) {
  const float u = fonts.ratio;
  const float bar = 84 * u;  // two lines: the buttons, and "Go to a question"
  {
    const PaneStyle style(u);
    begin_pane("##preview_bar", x, y, width, bar, colour::kPane, false);
    mirror_.pane(say(Say::PanePreview, lang_), ImVec2(x, y), ImVec2(x + width, y + height));  // the bar and the phone
    ImGui::PushFont(fonts.bold);
    ImGui::TextUnformatted(say(Say::Preview, lang_));
    mirror_.text(say(Say::Preview, lang_), MirrorRole::Heading);
    ImGui::PopFont();
    ImGui::SameLine();
    if (action((std::string(say(preview_lang_ == Lang::Es ? Say::PreviewInEnglish : Say::PreviewInSpanish, lang_)) + "###language").c_str(),
               preview_ != nullptr)) {
      preview_lang_ = preview_lang_ == Lang::En ? Lang::Es : Lang::En;
      preview_revision_ = static_cast<unsigned long>(-1);
      preview_.reset();
      kept_ = KeptPreview{};  // the language is the app's from its start, as on a page load
    }
    place("preview:language");
    ImGui::SameLine();
    if (action(say(Say::Restart, lang_), preview_ != nullptr)) {
      preview_.reset();
      kept_ = KeptPreview{};
      preview_revision_ = static_cast<unsigned long>(-1);
    }
    draw_jump();  // on a line of its own: the buttons' words are longer in Spanish
    ImGui::End();
  }
  if (!preview_) {
    const PaneStyle style(u);
    begin_pane("##preview_none", x, y + bar, width, height - bar, colour::kPane, false);
    ImGui::TextWrapped("%s", say(Say::PreviewWaits, lang_));
    mirror_.text(say(Say::PreviewWaits, lang_));
    ImGui::End();
    return;
  }
  // The phone, centred in the pane, with a thin frame around it.
  const float phone_w = std::min(kPhoneWidth * u, width - 16 * u);
  const float phone_h = std::min(kPhoneHeight * u, height - bar - 12 * u);
  const ImVec2 origin(x + std::max(8 * u, (width - phone_w) / 2), y + bar);
  ImGui::GetBackgroundDrawList()->AddRectFilled(ImVec2(x, y + bar), ImVec2(x + width, y + height),
                                                ImGui::GetColorU32(colour::kPane));
  ImGui::GetBackgroundDrawList()->AddRectFilled(origin, ImVec2(origin.x + phone_w, origin.y + phone_h),
                                                ImGui::GetColorU32(preview_->page_colour()));
  ImGui::GetBackgroundDrawList()->AddRect(ImVec2(origin.x - 1, origin.y - 1), ImVec2(origin.x + phone_w + 1, origin.y + phone_h + 1),
                                          ImGui::GetColorU32(ImVec4(0, 0, 0, 0.25f)), 0, 0, 1.5f * u);
  const ImGuiIO& io = ImGui::GetIO();
  const bool over = io.MousePos.x >= origin.x && io.MousePos.x < origin.x + phone_w && io.MousePos.y >= origin.y &&
                    io.MousePos.y < origin.y + phone_h;
  const float scroll = over ? -io.MouseWheel * 48.f * u : 0.f;
  // The mirror's press or focus of one of the app's buttons goes to the app, as its own mirror's do.
  std::string id;
  unsigned view = 0;
  if (mirror_.take_preview_press(id, view)) preview_->press(id, view);
  if (std::string focused; mirror_.take_preview_focus(focused)) preview_->focus(focused);
  preview_->draw(phone_w, phone_h, fonts.patient, u, scroll, origin);
  mirror_.preview(preview_->screen());
  // What the app would ask of its page (a link, printing, a file, the ZIP code table) is not
  // done in a preview: nothing leaves the author's computer, and no page is left.
  feed_preview_files();
}

}  // namespace trialmatch::studio
