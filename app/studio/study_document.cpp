#include "study_document.h"

#include <utility>

#include "study_file_format.h"

namespace trialmatch::studio {

namespace {

using Json = StudyDocument::Json;

// The tokens of a JSON pointer, unescaped; false when it is not one ("a", "/~2").
bool pointer_tokens(const std::string& pointer, std::vector<std::string>& tokens) {
  tokens.clear();
  if (pointer.empty()) return true;
  if (pointer[0] != '/') return false;
  std::string token;
  for (std::size_t i = 1; i <= pointer.size(); ++i) {
    if (i == pointer.size() || pointer[i] == '/') {
      tokens.push_back(token);
      token.clear();
    } else if (pointer[i] == '~') {
      if (i + 1 >= pointer.size() || (pointer[i + 1] != '0' && pointer[i + 1] != '1')) return false;
      token += pointer[i + 1] == '0' ? '~' : '/';
      ++i;
    } else {
      token += pointer[i];
    }
  }
  return true;
}

// An array index as a pointer writes it: digits, no leading zero.
bool array_index(const std::string& token, std::size_t& index) {
  if (token.empty() || token.size() > 9 || (token.size() > 1 && token[0] == '0')) return false;
  index = 0;
  for (char c : token) {
    if (c < '0' || c > '9') return false;
    index = index * 10 + static_cast<std::size_t>(c - '0');
  }
  return true;
}

Json* child(Json& parent, const std::string& token) {
  if (parent.is_object()) {
    auto it = parent.find(token);
    return it == parent.end() ? nullptr : &*it;
  }
  std::size_t index = 0;
  if (parent.is_array() && array_index(token, index) && index < parent.size()) return &parent[index];
  return nullptr;
}

}  // namespace

bool split_pointer(const std::string& pointer, std::string& parent, std::string& last) {
  std::vector<std::string> tokens;
  if (pointer.empty() || !pointer_tokens(pointer, tokens)) return false;
  const std::size_t slash = pointer.rfind('/');
  parent = pointer.substr(0, slash);
  last = tokens.back();
  return true;
}

std::string string_member(const Json& object, const char* key) {
  if (!object.is_object()) return "";
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

bool flag_member(const Json& object, const char* key) {
  if (!object.is_object()) return false;
  const auto it = object.find(key);
  return it != object.end() && it->is_boolean() && it->get<bool>();
}

StudyDocument::StudyDocument(DocumentKind kind, Json root, std::string file_name)
    : kind_(kind), root_(std::move(root)), file_name_(std::move(file_name)), saved_root_(root_) {}

Json* StudyDocument::find_mutable(const std::string& pointer) {
  std::vector<std::string> tokens;
  if (!pointer_tokens(pointer, tokens)) return nullptr;
  Json* at = &root_;
  for (const std::string& token : tokens)
    if (!(at = child(*at, token))) return nullptr;
  return at;
}

const Json* StudyDocument::find(const std::string& pointer) const {
  return const_cast<StudyDocument*>(this)->find_mutable(pointer);
}

void StudyDocument::begin_step(const std::string& where, const std::string& typing) {
  redo_.clear();
  // Typing on in the same field: the step already holds the document before the typing began.
  const bool join = !typing.empty() && typing_open_ && !undo_.empty() && undo_.back().typing == typing &&
                    undo_.back().where == where;
  typing_open_ = !typing.empty();
  if (join) return;
  undo_.push_back(Step{root_, where, typing});
  if (undo_.size() > kMaxUndoSteps) undo_.erase(undo_.begin());
}

void StudyDocument::changed() { ++revision_; }

bool StudyDocument::set(const std::string& pointer, Json value, const std::string& typing) {
  std::string parent_pointer, last;
  if (!split_pointer(pointer, parent_pointer, last)) return false;
  Json* parent = find_mutable(parent_pointer);
  if (!parent) return false;
  std::size_t index = 0;
  if (parent->is_array() && !(array_index(last, index) && index < parent->size())) return false;
  if (!parent->is_array() && !parent->is_object()) return false;
  if (const Json* now = child(*parent, last); now && *now == value) return true;  // nothing changes
  begin_step(pointer, typing);
  if (parent->is_array()) (*parent)[index] = std::move(value);
  else (*parent)[last] = std::move(value);
  changed();
  return true;
}

bool StudyDocument::remove(const std::string& pointer) {
  std::string parent_pointer, last;
  if (!split_pointer(pointer, parent_pointer, last)) return false;
  Json* parent = find_mutable(parent_pointer);
  if (!parent || !child(*parent, last)) return false;
  begin_step(pointer, "");
  if (parent->is_array()) {
    std::size_t index = 0;
    array_index(last, index);
    parent->erase(index);
  } else {
    parent->erase(last);
  }
  changed();
  return true;
}

bool StudyDocument::insert(const std::string& array_pointer, std::size_t index, Json value) {
  Json* array = find_mutable(array_pointer);
  if (!array || !array->is_array() || index > array->size()) return false;
  begin_step(array_pointer + "/" + std::to_string(index), "");
  array->insert(array->begin() + static_cast<std::ptrdiff_t>(index), std::move(value));
  changed();
  return true;
}

bool StudyDocument::move(const std::string& array_pointer, std::size_t from, std::size_t to) {
  Json* array = find_mutable(array_pointer);
  if (!array || !array->is_array() || from >= array->size() || to >= array->size()) return false;
  if (from == to) return true;
  begin_step(array_pointer + "/" + std::to_string(to), "");
  Json item = std::move((*array)[from]);
  array->erase(from);
  array->insert(array->begin() + static_cast<std::ptrdiff_t>(to), std::move(item));
  changed();
  return true;
}

std::string StudyDocument::undo() {
  if (undo_.empty()) return "";
  Step step = std::move(undo_.back());
  undo_.pop_back();
  std::swap(root_, step.before);  // step.before now holds the document after the step
  typing_open_ = false;
  redo_.push_back(std::move(step));
  changed();
  return redo_.back().where;
}

std::string StudyDocument::redo() {
  if (redo_.empty()) return "";
  Step step = std::move(redo_.back());
  redo_.pop_back();
  std::swap(root_, step.before);
  typing_open_ = false;
  undo_.push_back(std::move(step));
  changed();
  return undo_.back().where;
}

void StudyDocument::mark_saved() {
  saved_revision_ = revision_;
  saved_root_ = root_;
}

std::string StudyDocument::text() const { return write_study_file(root_); }

}  // namespace trialmatch::studio
