// A study of 40 questions, for the studio's tests and benchmark: the seed study's 20 questions
// and 27 criteria, twice (the copies' ids end in "_b", and their rules and ask_ifs name the
// copies). It is valid, and has over a million paths.
import fs from "node:fs";
import path from "node:path";

export function doubledSeedStudy(root = ".") {
  const seed = JSON.parse(fs.readFileSync(path.join(root, "assets/trials/NCT04979910.json"), "utf8"));
  const ids = seed.questions.map((q) => q.id);
  const word = new RegExp(`\\b(${ids.join("|")})\\b`, "g");
  const renamed = (text) => text.replace(word, "$1_b");
  const copy = (value) => JSON.parse(JSON.stringify(value));
  const questions = seed.questions.map((q) => {
    const c = copy(q);
    c.id += "_b";
    if (c.concept) c.concept += "-b";
    if (c.ask_if) c.ask_if = renamed(c.ask_if);
    if (c.safety) c.safety.when = renamed(c.safety.when);
    return c;
  });
  const criteria = seed.criteria.map((k) => {
    const c = copy(k);
    c.id += "_b";
    if (typeof c.rule === "string") c.rule = renamed(c.rule);
    return c;
  });
  return { ...seed, questions: [...seed.questions, ...questions], criteria: [...seed.criteria, ...criteria] };
}
