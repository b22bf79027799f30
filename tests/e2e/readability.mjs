// Reading levels for the plain-language check, from the C++ core (app/core/reading_level.h,
// which says what the formulas are and where they come from): English Flesch-Kincaid grade,
// Spanish Fernández-Huerta ease read as a grade. The same formula `trialmatch validate` warns
// with, run through `trialmatch reading-level` (TRIALMATCH_CLI, or the native build's
// build/native/app/cli/trialmatch: build-scripts/build-native.sh).
//
// Each function takes a text, or an array of texts to grade them all in one run of the tool.
// A text without words has grade 0.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const CLI = process.env.TRIALMATCH_CLI || fileURLToPath(new URL("../../build/native/app/cli/trialmatch", import.meta.url));

// The grades of `texts` in `lang`, one run of the tool: one text a line (a newline inside a
// text becomes a space), one JSON line back for each.
function grades(lang, texts) {
  if (texts.length === 0) return [];
  const input = texts.map((t) => String(t).replace(/[\r\n]+/g, " ") + "\n").join("");
  const out = execFileSync(CLI, ["reading-level", "--lang", lang], { input, encoding: "utf8", maxBuffer: 64 << 20 });
  const lines = out.split("\n").slice(0, -1);
  if (lines.length !== texts.length) throw new Error(`trialmatch reading-level gave ${lines.length} lines for ${texts.length} texts`);
  return lines.map((line) => JSON.parse(line)?.grade ?? 0);
}

const grader = (lang) => (texts) => (Array.isArray(texts) ? grades(lang, texts) : grades(lang, [texts])[0]);

export const englishGrade = grader("en");
export const spanishGrade = grader("es");
export const gradeFor = (lang) => (lang === "es" ? spanishGrade : englishGrade);
