#include "study_status.h"

#include <cctype>

namespace trialmatch {

namespace {

struct StatusName {
  StudyStatus status;
  const char* id;
};
constexpr StatusName kStatuses[] = {
    {StudyStatus::Recruiting, "recruiting"},
    {StudyStatus::NotYetRecruiting, "not_yet_recruiting"},
    {StudyStatus::EnrollingByInvitation, "enrolling_by_invitation"},
    {StudyStatus::ActiveNotRecruiting, "active_not_recruiting"},
    {StudyStatus::Suspended, "suspended"},
    {StudyStatus::Terminated, "terminated"},
    {StudyStatus::Completed, "completed"},
    {StudyStatus::Withdrawn, "withdrawn"},
};

}  // namespace

const char* study_status_id(StudyStatus status) {
  for (const StatusName& n : kStatuses)
    if (n.status == status) return n.id;
  return "";
}

std::optional<StudyStatus> study_status_from_id(const std::string& id) {
  for (const StatusName& n : kStatuses)
    if (id == n.id) return n.status;
  return std::nullopt;
}

std::string study_status_ids() {
  std::string list;
  for (const StatusName& n : kStatuses) list += (list.empty() ? "" : ", ") + std::string(n.id);
  return list;
}

bool is_status_date(const std::string& s) {
  if ((s.size() != 10 && s.size() != 7) || s[4] != '-' || (s.size() == 10 && s[7] != '-')) return false;
  for (size_t i = 0; i < s.size(); ++i)
    if (i != 4 && i != 7 && !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  const int month = std::stoi(s.substr(5, 2)), day = s.size() == 10 ? std::stoi(s.substr(8, 2)) : 1;
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

}  // namespace trialmatch
