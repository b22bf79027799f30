// The studio's checks taken off the page's thread: the page sends the file as it stands to a
// worker (app/platform/studio_checks_worker.cpp), which runs check_study and sends back what
// it found. Both messages are JSON text; a StudyChecks read back is equal to the one written.
#pragma once

#include <string>

#include "study_checks.h"
#include "study_document.h"

namespace trialmatch::studio {

// What the worker needs: the document's kind and text, and a catalog's study files.
std::string checks_request(const StudyDocument& document, const StudyFiles& study_files);

// The worker's job: check the study a request names, and write what was found. A request that
// cannot be read gives one error finding that says so.
std::string answer_checks_request(const std::string& request);

// The worker's answer, read back (a broken answer gives one error finding that says so).
StudyChecks checks_from_wire(const std::string& wire);
std::string checks_to_wire(const StudyChecks& checks);

}  // namespace trialmatch::studio
