// Debian's qrcodegen.cpp (third_party/qrcodegen, unpacked by build-scripts/install-deps.sh),
// built through this file so that its one std::ostringstream is a plain string. That stream
// only writes the message of the error qrcodegen throws when a text fits in no QR code, which
// the app never meets (its payloads are short, and in WebAssembly a throw aborts), yet it
// pulled iostreams and every locale facet into app.wasm: 67 KiB raw, 18 KiB brotli, measured
// at 5c00351. The QR codes themselves are made by the same code as before.
#include <sstream>  // first: the name below then changes only qrcodegen.cpp's own use of it
#include <string>

namespace std {
// What qrcodegen.cpp asks of its stream: << of words and numbers, and str().
struct trialmatch_qr_message {
  std::string text;
  trialmatch_qr_message& operator<<(const char* words) {
    text += words;
    return *this;
  }
  trialmatch_qr_message& operator<<(int number) {
    text += std::to_string(number);
    return *this;
  }
  const std::string& str() const { return text; }
};
}  // namespace std

#define ostringstream trialmatch_qr_message
#include "qrcodegen.cpp"
#undef ostringstream
