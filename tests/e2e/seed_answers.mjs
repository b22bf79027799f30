// Answers to the seed study (assets/trials/NCT04979910.json) for a person who is likely
// eligible, by question id -> button id(s) (numbers are typed on the keypad). It answers
// both branches of the pregnancy questions, so it fits whatever the questionnaire asks.
// Tests spread it and change the answers their journey is about.
export const SEED_ELIGIBLE = Object.freeze({
  age: 34, diagnosed_depression: "yes", depressed_now: "yes", self_harm_thoughts: "no", recent_suicide_attempt: "no",
  on_antidepressant: "yes", dose_stable: "yes", treatments_tried: "two_or_more", psychosis_or_bipolar: "no",
  memory_condition: "no", substance_problems: "no", can_become_pregnant: "yes", pregnant: "no", breastfeeding: "no",
  birth_control: "yes", sperm_could_cause_pregnancy: "no", condoms: "yes", partner_birth_control: "yes",
  mri_concerns: ["none"], can_attend_visits: "yes",
});
