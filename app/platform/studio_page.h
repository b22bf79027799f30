// What the studio asks of its page (web/studio.js): the file picker, downloads, the text
// field laid over the canvas, the checks worker, and whether leaving the page would lose edits;
// and of its accessibility mirror (web/studio-mirror.js).
#pragma once

#include <string>

namespace trialmatch::studio {
struct TextFieldRequest;
}

namespace trialmatch::platform {

void studio_pick_file();
void studio_download(const std::string& name, const std::string& type, const std::string& text);
void studio_place_text_field(const studio::TextFieldRequest& field);
void studio_set_unsaved(bool unsaved);
// The accessibility mirror's DOM copy (web/studio-mirror.js) follows this frame's (StudioMirror::json).
void studio_update_mirror(const std::string& json);
// Posts a checks request (checks_wire.h) to the checks worker; false when there is none.
bool studio_send_checks(const std::string& request);
// The interface's language asked for by ?lang=, else the browser's: "en" or "es".
std::string studio_language();

}  // namespace trialmatch::platform
