#include "contact_addresses.h"

#include <algorithm>

namespace trialmatch {

namespace {

bool ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

}  // namespace

std::string web_address_concern(const std::string& url) {
  const std::string scheme = "https://";
  if (url.compare(0, scheme.size(), scheme) != 0) return "it is not an https:// address, so the app makes no link of it";
  if (std::any_of(url.begin(), url.end(), [](char c) { return static_cast<unsigned char>(c) <= ' ' || c == '"' || c == '\\' || c == 0x7F; }))
    return "it has a space, a quote, a backslash or a control character";
  const size_t host_start = scheme.size();
  const size_t host_end = url.find_first_of("/?#", host_start);
  const std::string authority = url.substr(host_start, host_end == std::string::npos ? std::string::npos : host_end - host_start);
  if (authority.find('@') != std::string::npos)
    return "it has a user name before its host (\"" + authority.substr(0, authority.find('@')) +
           "@\"): the address goes to what follows the @, not to what a reader sees first";
  std::string host = authority.substr(0, authority.find(':'));
  if (host.empty()) return "it names no host";
  if (!std::all_of(host.begin(), host.end(), [](char c) { return ascii_alnum(c) || c == '.' || c == '-'; }))
    return "its host has letters beyond plain ASCII, which can look like another site's name";
  std::transform(host.begin(), host.end(), host.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  if (host.rfind("xn--", 0) == 0 || host.find(".xn--") != std::string::npos)
    return "its host is in punycode (\"xn--\"), which can look like another site's name";
  return "";
}

std::string email_address_concern(const std::string& email) {
  const size_t at = email.find('@');
  if (at == std::string::npos || at == 0 || at + 1 >= email.size() || email.find('@', at + 1) != std::string::npos)
    return "it is not one address of the form name@host";
  if (email.find_first_of("?&=") != std::string::npos)
    return "it has a query (\"?subject=\", \"?body=\"), which would write part of the message for the person";
  if (!std::all_of(email.begin(), email.end(), [](char c) { return ascii_alnum(c) || std::string("@._+-").find(c) != std::string::npos; }))
    return "it has characters beyond letters, digits and . _ + -";
  return "";
}

}  // namespace trialmatch
