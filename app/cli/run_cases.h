// `trialmatch run-cases`: many invocations of the tool in one process, for
// tests/wasm/compare_native_wasm.mjs. Starting the tool compiled to WebAssembly takes Node
// about a tenth of a second, most of each of the hundreds of cases the comparison runs; in one
// process it is paid once. Each line of stdin is one invocation's arguments as a JSON array
// (["validate", "assets/trials/NCT04979910.json"]); for each, in order, one line of JSON is
// printed: {"exit": N, "stdout": "...", "stderr": "..."}, what that invocation would have
// printed on its own (through the same terminal-safe filter). The cases see an empty stdin.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace trialmatch::cli {

using Command = std::function<int(const std::vector<std::string>& args)>;

int cmd_run_cases(const std::vector<std::string>& args, const Command& run);

}  // namespace trialmatch::cli
