// Helpers shared by the unit tests (defined in test_support.cpp): build a whole trial
// document around a few inline questions and criteria, and load a trial that must be valid.
#pragma once

#include <string>
#include <vector>

#include "trial.h"

namespace trialmatch_test {

std::string trial_document(const std::string& questions, const std::string& criteria,
                           const std::vector<std::string>& languages, const std::string& format);
std::string trial_document(const std::string& questions, const std::string& criteria);
trialmatch::Trial load_valid(const std::string& text);

}  // namespace trialmatch_test
