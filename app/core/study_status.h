// A study's recruiting status, as ClinicalTrials.gov names it, and the date a status was
// read: shared by catalogs (which match only recruiting studies) and trial files (which may
// carry the status of the registry record they were drafted from).
#pragma once

#include <optional>
#include <string>

namespace trialmatch {

// ClinicalTrials.gov's overall statuses. Only a recruiting study is matched; the others are
// listed as closed, never as a fit.
enum class StudyStatus {
  Recruiting,
  NotYetRecruiting,
  EnrollingByInvitation,
  ActiveNotRecruiting,
  Suspended,
  Terminated,
  Completed,
  Withdrawn,
};
const char* study_status_id(StudyStatus status);  // "recruiting", "not_yet_recruiting", ...
// The status of an id ("recruiting"); nullopt for another word.
std::optional<StudyStatus> study_status_from_id(const std::string& id);
// "recruiting, not_yet_recruiting, ...": for messages.
std::string study_status_ids();

// "YYYY-MM-DD", or "YYYY-MM" when the source gives no day.
bool is_status_date(const std::string& s);

}  // namespace trialmatch
