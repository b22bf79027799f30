// Opening what the page was asked for: one study's file, or a catalog and then each of its
// open studies' files (fetched through the effect queue, as paths from the site's root), all
// checked as the app would show them. Ends with the questions to ask, or with the problems
// that keep the file from people, each with its place in the file.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "catalog.h"
#include "effects.h"
#include "questionnaire.h"
#include "ui_text.h"

namespace trialmatch::flow {

class StudyOpening {
 public:
  // A study ("trials/NAME.json") or a catalog ("catalogs/NAME.json").
  static bool is_catalog_file(const std::string& file_name);
  // The platform is fetching `file_name` (the loading screen names what).
  void opening(const std::string& file_name) {
    catalog_ = is_catalog_file(file_name);
    file_name_ = file_name;
  }

  enum class Step { Waiting, Opened, Failed };
  // A file arrived: the study, the catalog, or one of the catalog's study files.
  Step on_file_text(const std::string& file_name, const std::string& text, EffectQueue& effects);
  // A file could not be fetched; `reason` in words.
  Step on_fetch_failed(const std::string& file_name, const std::string& reason, EffectQueue& effects);

  // After Opened: the questions, once; the study or the catalog they come from.
  std::unique_ptr<Questionnaire> take_questionnaire() { return std::move(questionnaire_); }
  StudyQuestionnaire* study() const { return study_; }
  CatalogQuestionnaire* catalog() const { return catalog_questionnaire_; }
  // The file's languages the interface speaks too, in the file's order (never empty once Opened).
  const std::vector<Lang>& languages() const { return languages_; }

  bool catalog_asked() const { return catalog_; }                      // a catalog was asked for
  // The study's or the catalog's file; after Failed, the file the problems are in.
  const std::string& file_name() const { return file_name_; }
  const std::vector<std::string>& errors() const { return errors_; }  // after Failed

 private:
  bool catalog_ = false;
  std::string file_name_;
  std::vector<std::string> errors_;
  std::vector<Lang> languages_;
  std::unique_ptr<Questionnaire> questionnaire_;
  StudyQuestionnaire* study_ = nullptr;
  CatalogQuestionnaire* catalog_questionnaire_ = nullptr;
  // A catalog being loaded: its study files arrive one by one.
  std::unique_ptr<Catalog> loading_catalog_;
  std::vector<std::string> study_files_;              // per catalog study ("" when closed)
  std::vector<std::unique_ptr<Trial>> loaded_trials_;  // per catalog study, as they arrive

  Step on_trial_text(const std::string& file_name, const std::string& text, EffectQueue& effects);
  Step on_catalog_text(const std::string& file_name, const std::string& text, EffectQueue& effects);
  Step on_catalog_trial_text(size_t study, const std::string& text, EffectQueue& effects);
  bool take_languages(const std::vector<std::string>& codes);
  // The file cannot be shown: `errors` say why, and nothing more is fetched for it.
  Step fail(const std::string& file_name, std::vector<std::string> errors, EffectQueue& effects);
};

}  // namespace trialmatch::flow
