// Checks on the words of a trial file that keep every sentence true for the person who
// reads it. The loader reports what they find as located errors (docs/trial-format.md).
//
// They know English and Spanish phrasing; texts in other languages are not checked.
#pragma once

#include <optional>
#include <string>

namespace trialmatch {

// A phrase that speaks of the person's own answer ("you told us", "nos dijo"), or nullopt.
// Such words belong only in a criterion's `because` text: its neutral `text` is also shown
// to people who were not sure or did not answer.
std::optional<std::string> phrase_claiming_an_answer(const std::string& lang, const std::string& text);

// A phrase that turns the person away ("cannot join", "no puede participar"), or nullopt.
// A criterion that goes to review never rules anyone out, so it must not say so.
std::optional<std::string> phrase_turning_away(const std::string& lang, const std::string& text);

// A promise about where answers go ("stays on this device"), or nullopt. The app makes that
// promise itself, in words that fit the mode it runs in (an embedded page can send answers
// when the person chooses); a trial file cannot know the mode, so it must not promise.
std::optional<std::string> phrase_promising_privacy(const std::string& lang, const std::string& text);

}  // namespace trialmatch
