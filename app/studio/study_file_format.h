// How the studio writes a trial file or a catalog: one stable layout, so that a study team's
// version control shows only what an edit changed. Keys stay in the order the document holds
// them (the file's own order; a new key goes last); the layout depends only on the document:
// an array or object is written on one line (`"text": {"en": "Yes", "es": "Sí"}`) when that
// line, indentation and key included, fits in 100 columns, and otherwise one member to a line.
// Every file in assets/ is in this layout: opening one and saving it unedited gives the same
// bytes (tests/unit/test_study_file_format.cpp).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace trialmatch::studio {

// The document as the file's text, ending with a newline. UTF-8 is written as it is (no
// \u escapes beyond what JSON requires).
std::string write_study_file(const nlohmann::ordered_json& document);

}  // namespace trialmatch::studio
