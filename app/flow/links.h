// The links a result or the support screen opens: the study's contact (a phone number, an
// e-mail address, a web page) and the crisis lines. Plain strings the platform opens.
#pragma once

#include <string>

#include "trial.h"
#include "ui_text.h"

namespace trialmatch::flow {

enum class ContactKind { Phone = 0, Email = 1, WebPage = 2 };

// The contact as a link the person can tap: "tel:...", "mailto:...", or its https: page; ""
// when the file gives none, or gives one that does not go where it seems to
// (contact_addresses.h).
std::string contact_link(const Contact& contact, ContactKind kind);

// The crisis lines, in the person's language where the line offers one.
enum class CrisisLine { Call988, Text988, TextCrisisLine, Call911 };
std::string crisis_link(CrisisLine line, Lang lang);

}  // namespace trialmatch::flow
