#include "links.h"

#include <cctype>

#include "contact_addresses.h"

namespace trialmatch::flow {

std::string contact_link(const Contact& c, ContactKind kind) {
  switch (kind) {
    case ContactKind::Phone: {
      // The number's digits (a leading +), up to an extension ("x5", "ext. 5", ", 5"), which
      // a dialer would otherwise dial as part of the number.
      std::string digits;
      for (char ch : c.phone) {
        if ((ch >= '0' && ch <= '9') || (ch == '+' && digits.empty())) digits += ch;
        else if (std::isalpha(static_cast<unsigned char>(ch)) || ch == ',' || ch == ';' || ch == '#') break;
      }
      return digits.size() >= 7 && digits.size() <= 16 ? "tel:" + digits : "";
    }
    case ContactKind::Email: return !c.email.empty() && email_address_concern(c.email).empty() ? "mailto:" + c.email : "";
    case ContactKind::WebPage: return !c.url.empty() && web_address_concern(c.url).empty() ? c.url : "";
  }
  return "";
}

std::string crisis_link(CrisisLine line, Lang lang) {
  switch (line) {
    case CrisisLine::Call988: return "tel:988";
    case CrisisLine::Text988: return lang == Lang::Es ? "sms:988?&body=AYUDA" : "sms:988";
    case CrisisLine::TextCrisisLine: return lang == Lang::Es ? "sms:741741?&body=AYUDA" : "sms:741741?&body=HOME";
    case CrisisLine::Call911: return "tel:911";
  }
  return "";
}

}  // namespace trialmatch::flow
