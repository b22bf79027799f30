// The steps of load_trial (trial_loader.cpp), each reading one part of a trial file and
// reporting its problems through the shared JsonReader: the study's facts
// (trial_loader_info.cpp), the questions and their conditions (trial_loader_questions.cpp),
// the criteria and the answers they leave unused (trial_loader_criteria.cpp).
#pragma once

#include "json_reader.h"
#include "trial.h"

namespace trialmatch::trial_loading {

using Reader = JsonReader;

// "trial": ids, titles, status, sites, contact, stages.
void read_trial_info(Reader& r, const json& doc, TrialInfo& info);
// The texts shown with every result, whatever the person answered, must not say what they told us.
void check_result_texts_wording(Reader& r, const TrialInfo& info);

// "questions", without their conditions: each question's id, type, options and bounds.
void read_questions(Reader& r, const json& doc, Trial& trial);
// Each question's "ask_if" and "safety" trigger, once every question is read.
void read_question_conditions(Reader& r, const json& doc, Trial& trial);

// "criteria", their rules checked against the questions.
void read_criteria(Reader& r, const json& doc, Trial& trial);
// "answers_not_used", checked against the criteria.
void read_answers_not_used(Reader& r, const json& doc, Trial& trial);

}  // namespace trialmatch::trial_loading
