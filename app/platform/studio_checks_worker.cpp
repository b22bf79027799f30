// The studio's checks worker (studio-checks.js, built with -sBUILD_AS_WORKER): the page posts
// the file as it stands (checks_wire.h), and this runs the validator, the content checks and
// the path walk on it, off the page's thread, so typing never waits for them.
#include <emscripten.h>

#include <string>

#include "checks_wire.h"

extern "C" {

// The only function of the worker: a checks request in, the checks out.
// Called by: web/studio.js (as the worker message {funcName: "trialmatch_checks_run"})
EMSCRIPTEN_KEEPALIVE void trialmatch_checks_run(char* data, int size) {
  std::string answer = trialmatch::studio::answer_checks_request(std::string(data, static_cast<std::size_t>(size)));
  emscripten_worker_respond(answer.data(), static_cast<int>(answer.size()));
}

}  // extern "C"
