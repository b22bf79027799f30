// Typed values in a block of 8-byte words (a compiled trial's records, compiled_trial.h): the
// one place where words become values and values words.
//
// Every value is copied in or out with std::memcpy, never read or written through a cast
// pointer. The block's words are std::uint64_t objects: reading them as a record, a step or an
// int through a pointer of that type breaks C++'s aliasing rules, and an optimizer may then
// reorder or drop the reads. A copy of a few bytes compiles to the same plain loads and stores.
// (std::bit_cast would do for whole words, but the project is C++17, and most values here are
// not one word: bit_cast below is the same thing for values of equal size.)
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <type_traits>
#include <vector>

namespace trialmatch::words {

using Word = std::uint64_t;

// What a block may hold: values that are their bytes, each part starting on a word.
template <class T>
constexpr bool kStorable = std::is_trivially_copyable<T>::value && alignof(T) <= alignof(Word);

// How many words hold `count` values of T, one after the other (a part is padded to whole words).
template <class T>
constexpr std::size_t words_for(std::size_t count = 1) {
  return (count * sizeof(T) + sizeof(Word) - 1) / sizeof(Word);
}

// The bytes of the words (char types may read and write any object's bytes).
inline const unsigned char* bytes_of(const Word* at) { return static_cast<const unsigned char*>(static_cast<const void*>(at)); }
inline unsigned char* bytes_of(Word* at) { return static_cast<unsigned char*>(static_cast<void*>(at)); }

template <class T>
T read_bytes(const unsigned char* at) {
  static_assert(kStorable<T>, "read out of a block as bytes");
  T value;
  std::memcpy(&value, at, sizeof(T));
  return value;
}

// Value `index` of the run of T that starts at word `at`.
template <class T>
T read(const Word* at, std::size_t index = 0) {
  return read_bytes<T>(bytes_of(at) + index * sizeof(T));
}

// The word `n` values of T after word `at`, in a run of T (a T of whole words, so each
// starts on a word).
template <class T>
const Word* after(const Word* at, std::size_t n = 1) {
  static_assert(sizeof(T) % sizeof(Word) == 0, "a T of whole words: the next one starts on a word");
  return at + n * (sizeof(T) / sizeof(Word));
}

// Where `field` lies in an S, in bytes: offsetof worked out from the member itself (so a
// field's type and place cannot disagree); with optimisation on it is a constant.
template <class S, class F>
std::size_t offset_of(F S::*field) {
  static_assert(std::is_standard_layout<S>::value, "its fields lie where offsetof says");
  const S s{};
  return static_cast<std::size_t>(static_cast<const unsigned char*>(static_cast<const void*>(&(s.*field))) -
                                  static_cast<const unsigned char*>(static_cast<const void*>(&s)));
}

// One field of the S kept at word `at`, read alone. (Copying a whole S out to read one field
// can cost a catalog dearly: GCC copies structs of some sizes through the stack.)
template <class S, class F>
F read_field(const Word* at, F S::*field) {
  return read_bytes<F>(bytes_of(at) + offset_of(field));
}

// Writes `count` values as a run that starts at word `at` (the block must hold them).
template <class T>
void write(Word* at, const T* values, std::size_t count = 1) {
  static_assert(kStorable<T>, "written into a block as bytes");
  if (count) std::memcpy(bytes_of(at), values, count * sizeof(T));
}

// Appends the values to the block as a run padded with zeros to whole words; returns the
// word it starts at.
template <class T>
std::size_t append(std::vector<Word>& block, const std::vector<T>& values) {
  const std::size_t at = block.size();
  block.resize(at + words_for<T>(values.size()), 0);
  write(block.data() + at, values.data(), values.size());
  return at;
}

// The bits of a value as a value of another type of the same size (C++20's std::bit_cast).
template <class To, class From>
To bit_cast(const From& from) {
  static_assert(sizeof(To) == sizeof(From) && std::is_trivially_copyable<To>::value &&
                    std::is_trivially_copyable<From>::value,
                "the same bits, another type");
  To to;
  std::memcpy(&to, &from, sizeof(To));
  return to;
}

// A run of `count` values of T from word `at`, read one at a time: for range-for, indexing
// and the standard algorithms (an input range of values, not of references).
template <class T>
class Array {
 public:
  class Iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = T;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = T;
    explicit Iterator(const unsigned char* at) : at_(at) {}
    T operator*() const { return read_bytes<T>(at_); }
    Iterator& operator++() {
      at_ += sizeof(T);
      return *this;
    }
    Iterator operator++(int) {
      Iterator before = *this;
      ++*this;
      return before;
    }
    bool operator==(const Iterator& other) const { return at_ == other.at_; }
    bool operator!=(const Iterator& other) const { return at_ != other.at_; }

   private:
    const unsigned char* at_;
  };

  Array() = default;
  Array(const Word* at, std::size_t count) : first_(bytes_of(at)), count_(count) {}
  T operator[](std::size_t i) const { return read_bytes<T>(first_ + i * sizeof(T)); }
  std::size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  Iterator begin() const { return Iterator(first_); }
  Iterator end() const { return Iterator(first_ + count_ * sizeof(T)); }

 private:
  const unsigned char* first_ = nullptr;
  std::size_t count_ = 0;
};

}  // namespace trialmatch::words
