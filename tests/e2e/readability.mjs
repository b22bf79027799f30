// Reading-level formulas for the plain-language check.
//   English: Flesch-Kincaid grade, from npm's flesch-kincaid, with syllables counted by npm's
//            syllable (both maintained, MIT).
//   Spanish: Fernandez-Huerta ease = 206.84 - 0.60 * P - 1.02 * F, where P is syllables per
//            100 words and F words per sentence (Flesch's reading ease, adapted to Spanish);
//            converted to an approximate US grade with the usual bands (90+: grade 4-5,
//            80: 6, 70: 7, 60: 8-9, 50: 10-12, ...).
// Spanish syllables are counted here by vowel groups (strong and weak vowels), since npm has
// no maintained Spanish syllable counter; Spanish spelling makes this close to exact.
import { syllable } from "syllable";
import { fleschKincaid } from "flesch-kincaid";

function words(text) {
  return text.replace(/[0-9]+([.,][0-9]+)?/g, "n").match(/[\p{L}'’-]+/gu) || [];
}

function sentences(text) {
  const n = (text.match(/[.!?¿¡:;]+(\s|$)/g) || []).length;
  return Math.max(1, n);
}

function spanishSyllables(word) {
  const w = word.toLowerCase().replace(/[^a-záéíóúüñ]/g, "");
  // Strong vowels (a, e, o and accented i/u) start a new syllable next to another vowel.
  const groups = w.match(/[iuü]?[aeoáéíóú][iuü]?|[iuü]+/g);
  return Math.max(1, groups ? groups.length : 1);
}

export function englishGrade(text) {
  const ws = words(text);
  if (ws.length === 0) return 0;
  return fleschKincaid({ sentence: sentences(text), word: ws.length, syllable: ws.reduce((n, w) => n + syllable(w), 0) });
}

export function spanishGrade(text) {
  const ws = words(text);
  if (ws.length === 0) return 0;
  const syllables = ws.reduce((n, w) => n + spanishSyllables(w), 0);
  const ease = 206.84 - 0.6 * (100 * syllables / ws.length) - 1.02 * (ws.length / sentences(text));
  // Bands: 100 -> 4, 90 -> 5, 80 -> 6, 70 -> 7, 60 -> 8.5, 50 -> 11, 40 -> 13 ...
  return ease >= 60 ? 4 + (100 - ease) / 10 * (ease >= 70 ? 1 : 1.5) : 8.5 + (60 - ease) / 4;
}

export const gradeFor = (lang) => (lang === "es" ? spanishGrade : englishGrade);
