// SHA-256 (FIPS 180-4) of a byte string, as 64 lowercase hex digits. A trial file's hash
// names exactly which file a result was worked out with: the printed summary shows it, so a
// study team can tell whether the file changed since.
#pragma once

#include <string>

namespace trialmatch {

std::string sha256_hex(const std::string& bytes);

}  // namespace trialmatch
