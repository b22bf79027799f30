// Three-valued (Kleene) truth values: the logic every rule and ask_if condition uses.
// Unknown answers ("I'm not sure", "Prefer not to say", not asked) evaluate to Unknown,
// and `false and unknown = false`, `true or unknown = true`.
#pragma once

namespace trialmatch {

enum class Tri { False, Unknown, True };

constexpr Tri tri_not(Tri a) {
  return a == Tri::True ? Tri::False : a == Tri::False ? Tri::True : Tri::Unknown;
}

constexpr Tri tri_and(Tri a, Tri b) {
  if (a == Tri::False || b == Tri::False) return Tri::False;
  if (a == Tri::True && b == Tri::True) return Tri::True;
  return Tri::Unknown;
}

constexpr Tri tri_or(Tri a, Tri b) {
  if (a == Tri::True || b == Tri::True) return Tri::True;
  if (a == Tri::False && b == Tri::False) return Tri::False;
  return Tri::Unknown;
}

constexpr Tri tri_from_bool(bool b) { return b ? Tri::True : Tri::False; }

constexpr const char* tri_name(Tri a) {
  return a == Tri::True ? "true" : a == Tri::False ? "false" : "unknown";
}

}  // namespace trialmatch
