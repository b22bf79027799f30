// A QR code's modules for a text, made with Project Nayuki's QR Code generator (MIT; from
// Debian's qr-code-generator source package, unpacked by build-scripts/install-deps.sh).
// Plain C++: the screen draws the squares, the tests read them.
#pragma once

#include <string>
#include <vector>

namespace trialmatch::flow {

// At most this many characters go into one code: far less than a QR code holds, so the code
// stays big enough for a phone camera across a table, and the library's own limit (which
// would throw) is never reached.
constexpr size_t kQrMaxChars = 1200;

struct QrImage {
  int size = 0;            // modules per side; 0 when the text is too long for a code
  std::vector<bool> dark;  // size * size, row by row
  bool at(int x, int y) const { return dark[static_cast<size_t>(y * size + x)]; }
};

// Error correction level M (about 15% of the code can be damaged or covered).
QrImage qr_image(const std::string& text);

}  // namespace trialmatch::flow
