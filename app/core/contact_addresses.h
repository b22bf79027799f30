// A study's web address and e-mail come from its file, and the app makes them into links a
// person taps. One rule for both the validator (a warning to the author) and the app (no link
// is made): what makes an address unsafe to offer.
#pragma once

#include <string>

#include "problem.h"

namespace trialmatch {

// Why this web address should not be offered as a link, or "" when it can be: it must be
// https; have no user name before its host ("https://clinicaltrials.gov@evil.example/" goes to
// evil.example); a host of plain ASCII letters, digits, dots and hyphens, not in punycode
// ("xn--", a look-alike of another name); and no spaces, quotes or backslashes.
std::string web_address_concern(const std::string& url);
// The same, as a sentence of problem_words.def (Problem::None when it can be offered).
Said web_address_problem(const std::string& url);

// Why this e-mail address should not be offered, or "" when it can be: one plain address,
// name@host, of letters, digits and . _ + -, with no query ("?subject=...&body=..." would
// write the message for the person) and no second address.
std::string email_address_concern(const std::string& email);
Said email_address_problem(const std::string& email);

}  // namespace trialmatch
