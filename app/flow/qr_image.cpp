#include "qr_image.h"

#include "qrcodegen.hpp"

namespace trialmatch::flow {

QrImage qr_image(const std::string& text) {
  QrImage out;
  if (text.empty() || text.size() > kQrMaxChars || text.find('\0') != std::string::npos) return out;
  const qrcodegen::QrCode code = qrcodegen::QrCode::encodeText(text.c_str(), qrcodegen::QrCode::Ecc::MEDIUM);
  out.size = code.getSize();
  out.dark.resize(static_cast<size_t>(out.size * out.size));
  for (int y = 0; y < out.size; ++y)
    for (int x = 0; x < out.size; ++x) out.dark[static_cast<size_t>(y * out.size + x)] = code.getModule(x, y);
  return out;
}

}  // namespace trialmatch::flow
