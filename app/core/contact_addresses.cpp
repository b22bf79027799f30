#include "contact_addresses.h"

#include <algorithm>

namespace trialmatch {

namespace {

bool ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

}  // namespace

Said web_address_problem(const std::string& url) {
  const std::string scheme = "https://";
  if (url.compare(0, scheme.size(), scheme) != 0) return {Problem::NotHttps, {}};
  if (std::any_of(url.begin(), url.end(), [](char c) { return static_cast<unsigned char>(c) <= ' ' || c == '"' || c == '\\' || c == 0x7F; }))
    return {Problem::AddressHasSpace, {}};
  const size_t host_start = scheme.size();
  const size_t host_end = url.find_first_of("/?#", host_start);
  const std::string authority = url.substr(host_start, host_end == std::string::npos ? std::string::npos : host_end - host_start);
  if (authority.find('@') != std::string::npos)
    return {Problem::AddressHasUser, {authority.substr(0, authority.find('@'))}};
  std::string host = authority.substr(0, authority.find(':'));
  if (host.empty()) return {Problem::AddressNoHost, {}};
  if (!std::all_of(host.begin(), host.end(), [](char c) { return ascii_alnum(c) || c == '.' || c == '-'; }))
    return {Problem::AddressNotAscii, {}};
  std::transform(host.begin(), host.end(), host.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  if (host.rfind("xn--", 0) == 0 || host.find(".xn--") != std::string::npos)
    return {Problem::AddressPunycode, {}};
  return {};
}

Said email_address_problem(const std::string& email) {
  const size_t at = email.find('@');
  if (at == std::string::npos || at == 0 || at + 1 >= email.size() || email.find('@', at + 1) != std::string::npos)
    return {Problem::EmailNotOne, {}};
  if (email.find_first_of("?&=") != std::string::npos)
    return {Problem::EmailQuery, {}};
  if (!std::all_of(email.begin(), email.end(), [](char c) { return ascii_alnum(c) || std::string("@._+-").find(c) != std::string::npos; }))
    return {Problem::EmailCharacters, {}};
  return {};
}

std::string web_address_concern(const std::string& url) { return in_english(web_address_problem(url)); }

std::string email_address_concern(const std::string& email) { return in_english(email_address_problem(email)); }

}  // namespace trialmatch
