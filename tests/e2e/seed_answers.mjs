// Answers to the seed study (assets/trials/NCT04979910.json) for a person who is likely
// eligible, by question id -> button id(s) (numbers are typed on the keypad). The one copy
// is tests/data/answers/seed-likely-eligible.json, which the unit tests read too. It answers
// both branches of the pregnancy questions, so it fits whatever the questionnaire asks.
// Tests spread it and change the answers their journey is about.
import fs from "node:fs";

export const SEED_ELIGIBLE = Object.freeze(
  JSON.parse(fs.readFileSync(new URL("../data/answers/seed-likely-eligible.json", import.meta.url), "utf8")));
