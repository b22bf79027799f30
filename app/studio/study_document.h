// The study being edited in the studio: a trial file or a catalog, held as the file's own JSON
// (keys in the file's order), changed only through the edits below. Every edit is one step
// that undo takes back and redo puts back; typing into one field is one step, not one per key
// (an edit that names the same `typing` key as the step before it joins that step). The
// outline, the editors, the checks, the paths and the preview all read this one document.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "json_locator.h"

namespace trialmatch::studio {

enum class DocumentKind { Trial, Catalog };

class StudyDocument {
 public:
  using Json = nlohmann::ordered_json;

  StudyDocument() = default;
  StudyDocument(DocumentKind kind, Json root, std::string file_name);

  DocumentKind kind() const { return kind_; }
  const Json& root() const { return root_; }
  // The name the file is saved under ("NCT00000000.json"): from the file opened, or the id.
  const std::string& file_name() const { return file_name_; }
  void set_file_name(std::string name) { file_name_ = std::move(name); }

  // The value at a JSON pointer ("/questions/2/text/es"), or nullptr when there is none (or
  // the pointer is not well formed).
  const Json* find(const std::string& pointer) const;

  // The edits. Each returns false, and changes nothing, when the pointer does not name a place
  // that can take it (a missing parent, an index past the end, the document itself).
  // Sets a member of an object (adding it, last, if new) or an item of an array.
  bool set(const std::string& pointer, Json value, const std::string& typing = "");
  // Removes a member of an object or an item of an array.
  bool remove(const std::string& pointer);
  // Puts `value` into the array at `array_pointer`, before its item `index` (size(): last).
  bool insert(const std::string& array_pointer, std::size_t index, Json value);
  // Moves the array's item `from` to position `to` (the others close up).
  bool move(const std::string& array_pointer, std::size_t from, std::size_t to);

  bool can_undo() const { return !undo_.empty(); }
  bool can_redo() const { return !redo_.empty(); }
  // Each returns the place the step changed ("" when there was nothing to undo or redo), for
  // the studio to show it.
  std::string undo();
  std::string redo();
  // The field being typed into lost the keyboard: the next typing is a step of its own.
  void end_typing() { typing_open_ = false; }

  // Counts every change (edits, undo, redo): a view that saw this number has seen the document.
  unsigned long revision() const { return revision_; }
  // Edits since the file was opened or last saved (undoing back to that point clears it).
  bool unsaved() const { return revision_ != saved_revision_ && root_ != saved_root_; }
  void mark_saved();
  // A document that exists nowhere yet (new, or drafted from a registry record).
  void mark_unsaved() {
    saved_revision_ = static_cast<unsigned long>(-1);
    saved_root_ = nullptr;
  }

  // The file's text, in the studio's stable layout (study_file_format.h).
  std::string text() const;

  // At most this many steps are kept to undo; the oldest go first.
  static constexpr std::size_t kMaxUndoSteps = 400;

 private:
  struct Step {
    Json before;         // the whole document before the step
    std::string where;   // the place it changed
    std::string typing;  // the field typed into ("" for any other edit)
  };
  DocumentKind kind_ = DocumentKind::Trial;
  Json root_ = Json::object();
  std::string file_name_;
  std::vector<Step> undo_;
  std::vector<Step> redo_;
  bool typing_open_ = false;  // the last step was typing, and may take more
  unsigned long revision_ = 0;
  unsigned long saved_revision_ = 0;
  Json saved_root_ = Json::object();

  Json* find_mutable(const std::string& pointer);
  // Records the document as it is now, before an edit at `where`.
  void begin_step(const std::string& where, const std::string& typing);
  void changed();
};

// The pointer's parent ("/questions/2/text" for "/questions/2/text/es"), and its last token
// unescaped ("es"); the document itself ("") has no parent.
bool split_pointer(const std::string& pointer, std::string& parent, std::string& last);
// A member of an object as a string, or "" when the value is no object, has no such member,
// or holds something else there (a file being edited can hold anything anywhere).
std::string string_member(const StudyDocument::Json& object, const char* key);
bool flag_member(const StudyDocument::Json& object, const char* key);  // true only if it is true

// A pointer token for `key` ("a/b" becomes "a~1b"): the core's pointer_escape.
using trialmatch::pointer_escape;

}  // namespace trialmatch::studio
