// A question's `ask_if` as FHIR skip logic on its Questionnaire item.
//
// Our rule: a question is asked unless its ask_if is definitely false (three-valued logic;
// an unanswered or unknown answer makes a test unknown). FHIR's enableWhen is two-valued,
// so each test becomes the enableWhen entries that together say "not definitely false":
//   q != v            ->  q != v                      (FHIR: true when q has no answer too)
//   q = v, q in (..), q has v, q < v ...
//                     ->  any of: q = v..., q exists false, q = each unknown answer it offers
// `or` of such tests is enableBehavior "any"; `and` of tests that each need one entry
// (!=, or `not` of =, in, has) is enableBehavior "all". Anything else (an `and` of `=`
// tests, nesting) is carried as the SDC enableWhenExpression extension with the same
// condition in FHIRPath, where an empty result is "unknown" as in our rules.
// A question behind a gate that is closed is closed too (a question its ask_if names is not
// asked), so the ask_ifs of those questions, and of theirs, are added to the question's own.
// See docs/fhir-export.md.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "trial.h"

namespace trialmatch {

constexpr const char* kEnableWhenExpressionExtension =
    "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression";

// Adds "enableWhen" (and "enableBehavior" when there are several), or the
// enableWhenExpression extension, to `item` for `question`'s ask_if; nothing without one.
void add_fhir_enable_when(const Trial& trial, const Question& question, nlohmann::json& item);

// The FHIRPath expression that is true exactly when `condition` is not definitely false,
// evaluated over the QuestionnaireResponse (%resource).
std::string fhirpath_not_false(const Trial& trial, const Condition& condition);

// The FHIRPath expression that is true exactly when `question` is asked: its ask_if and
// those of the questions behind it are not definitely false.
std::string fhirpath_enabled(const Trial& trial, const Question& question);

}  // namespace trialmatch
