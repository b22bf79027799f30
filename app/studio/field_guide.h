// What the studio knows of the trial format (docs/trial-format.md) and the catalog format
// (docs/catalog-format.md) to lay out its editors: for each kind of object, its fields in the
// format's order, what kind of field each is, its label in both interface languages, the
// words it may hold (a question's type...), and whether a file must have it. Fields the guide
// does not know (a newer format) are still shown, by their JSON type. The validator, not this
// guide, decides what is right: the guide only offers.
#pragma once

#include <string>
#include <vector>

#include "study_document.h"

namespace trialmatch::studio {

enum class FieldKind {
  Text,       // a text in every language of the study: {"en": "...", "es": "..."}
  Line,       // one line of plain text (an id, a name, a phone number)
  Condition,  // a condition in the condition language (ask_if, rule, safety's when)
  Number,
  Flag,       // true or false
  Choice,     // one of `choices`
  Picks,      // a list of some of `choices` (a question's unknown answers)
  Words,      // a list of short strings (languages, shared question ids)
  List,       // a list of objects of `item`
  Group,      // an object of `item`
  Reasons,    // question ids, each with one line saying why (answers_not_used)
};

enum class ObjectKind {
  Unknown, TrialFile, Trial, Contact, Site, Stage, Question, Option, Safety, Criterion, Catalog, CatalogStudy
};

struct FieldInfo {
  const char* key;
  FieldKind kind;
  const char* label_en;
  const char* label_es;
  bool required = false;
  ObjectKind item = ObjectKind::Unknown;  // List and Group: what they hold
  std::vector<const char*> choices = {};  // Choice and Picks
};

// The fields of an object of `kind`, in the format's order.
const std::vector<FieldInfo>& fields_of(ObjectKind kind);
// The field `key` of `kind`, or nullptr when the guide does not know it.
const FieldInfo* field_info(ObjectKind kind, const std::string& key);
// The editor's page that shows a place: "/questions/2" for "/questions/2/options/1/text/es",
// "/trial" for the study facts and the file's top level, "" for a catalog's own fields,
// "/studies/3" for a catalog's study.
std::string editor_page_of(const std::string& pointer, DocumentKind kind);
// A new object of `kind`, as "Add" puts into a list: its required fields, empty.
StudyDocument::Json new_object(ObjectKind kind, const std::vector<std::string>& languages);
// An empty value of a field, as "Add a field" puts it in.
StudyDocument::Json empty_value(const FieldInfo& field, const std::vector<std::string>& languages);

}  // namespace trialmatch::studio
