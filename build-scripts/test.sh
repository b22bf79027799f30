#!/usr/bin/env bash
# Sets everything up and runs every test:
#   1. unit tests (GoogleTest via CTest), native (g++, the Release build bench.sh uses too)
#   2. the core compiled to WebAssembly, run under Node, compared with native output
#   3. end-to-end tests in headless Chromium (playwright-core)
#   4. the same unit tests under AddressSanitizer + UndefinedBehaviorSanitizer
#   5. a short fuzzing pass: each libFuzzer target replays its corpus (seeds and kept
#      crashes), then searches for FUZZ_SECONDS (default 10) seconds (build-scripts/fuzz.sh;
#      the long searches are their own command: README, Fuzzing)
# 4 and 5 share one clang tree (build/sanitized). Once the tool and the site are built, 2 and
# then 3 run in the background (the browser tests two files at a time, the longest first:
# tests/e2e/run_longest_first.mjs) while 1, 4 and 5 build and run; every tree is a unity build
# (CMakeLists.txt). Prints each stage's time (building included; a background
# stage's from its start to its end), then ends with one line: "total: N passed, M failed".
# Exit status 0 only if all passed.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
jobs=${JOBS:-$(nproc)}
passed=0
failed=0
stage_failed=()
stage_times=()

note() { printf '\n=== %s ===\n' "$*"; }

# Adds a stage's counts from its output: "N passed, M failed" (the unit stages count the
# tests inside each test binary: build-scripts/count_tests.py), ctest's "N tests failed out of
# M", or node's TAP summary.
count() {
  local log=$1 stage=$2 p=0 f=0 line
  if line=$(grep -Eo '[0-9]+ passed, [0-9]+ failed' "$log" | tail -n1) && [ -n "$line" ]; then
    p=$(echo "$line" | awk '{print $1}')
    f=$(echo "$line" | awk '{print $3}')
  elif line=$(grep -Eo '[0-9]+ tests failed out of [0-9]+' "$log" | tail -n1) && [ -n "$line" ]; then
    f=$(echo "$line" | awk '{print $1}')
    p=$(( $(echo "$line" | awk '{print $6}') - f ))
  elif line=$(grep -E '^# (pass|fail) [0-9]+' "$log" | tail -n2) && [ -n "$line" ]; then
    p=$(grep -E '^# pass [0-9]+' "$log" | tail -n1 | awk '{print $3}')
    f=$(grep -E '^# fail [0-9]+' "$log" | tail -n1 | awk '{print $3}')
  fi
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
  echo "$stage: ${p:-0} passed, ${f:-0} failed"
}

# Counts a finished stage from its log and exit status, and notes its time.
finish_stage() {
  local stage=$1 log=$2 status=$3 seconds=$4
  stage_times+=("$(printf '%-20s %5d s' "$stage" "$seconds")")
  count "$log" "$stage"
  if [ "$status" -ne 0 ]; then
    stage_failed+=("$stage")
    # A stage that broke before counting any test still counts as a failure.
    if ! grep -Eq '[0-9]+ tests failed out of|[0-9]+ passed, [0-9]+ failed|^# fail' "$log"; then failed=$((failed + 1)); fi
  fi
  rm -f "$log"
}

run_stage() {
  local stage=$1
  shift
  local log start=$SECONDS
  log=$(mktemp)
  note "$stage"
  if "$@" 2>&1 | tee "$log"; then :; fi
  local status=${PIPESTATUS[0]}
  finish_stage "$stage" "$log" "$status" $((SECONDS - start))
}

# Stages run one after another in the background, beside the others: NAME FUNCTION [NAME
# FUNCTION ...]. Each one's output is kept and printed whole when they are waited for, with its
# own time, from its start to its end (they may end well before they are waited for).
background_pid=
background_dir=
background_stages=()
start_background_stages() {
  local args=("$@") k
  background_dir=$(mktemp -d)
  background_stages=()
  for ((k = 0; k < ${#args[@]}; k += 2)); do background_stages+=("${args[k]}"); done
  note "started in the background, one after another: ${background_stages[*]} (their output comes when they end)"
  (
    for ((k = 0; k < ${#args[@]}; k += 2)); do
      echo "$SECONDS" >"$background_dir/$((k / 2)).start"
      "${args[k + 1]}" >"$background_dir/$((k / 2)).log" 2>&1
      echo $? >"$background_dir/$((k / 2)).status"
      echo "$SECONDS" >"$background_dir/$((k / 2)).end"
    done
  ) &
  background_pid=$!
}
wait_background_stages() {
  [ -n "$background_pid" ] || return 0
  wait "$background_pid"
  local n at
  for n in "${!background_stages[@]}"; do
    at="$background_dir/$n"
    note "${background_stages[$n]}"
    cat "$at.log" 2>/dev/null
    finish_stage "${background_stages[$n]}" "$at.log" "$(cat "$at.status" 2>/dev/null || echo 1)" \
      $(( $(cat "$at.end" 2>/dev/null || echo 0) - $(cat "$at.start" 2>/dev/null || echo 0) ))
  done
  rm -rf "$background_dir"
  background_pid=
}

note "dependencies"
"$root/build-scripts/install-deps.sh" || { echo "total: 0 passed, 1 failed"; exit 1; }
stage_times+=("$(printf '%-20s %5d s' dependencies "$SECONDS")")

# Runs a build's CTest entries, then counts the tests inside them; fails if ctest did.
ctest_counted() {
  local dir=$1 status
  (cd "$dir" && ctest --output-on-failure --no-tests=error -j "$jobs")
  status=$?
  python3 "$root/build-scripts/count_tests.py" "$dir"
  return $status
}
# The native tree: Release, as bench.sh builds it (so the two share it), with the tests' own
# code unoptimised (tests/unit/CMakeLists.txt).
native_tree() {
  cmake -S "$root" -B "$root/build/native" -G Ninja -DCMAKE_BUILD_TYPE=Release -DTRIALMATCH_TESTS=ON >/dev/null
}
# What the other stages need first: the native command-line tool (the browser tests' reading
# levels and FHIR checks, and wasm-vs-native's reference).
tool() {
  native_tree && ninja -C build/native -j "$jobs" trialmatch
}
unit() {
  native_tree && ninja -C build/native -j "$jobs" && ctest_counted build/native
}
# Unit tests and fuzzers in one clang tree, every part under AddressSanitizer +
# UndefinedBehaviorSanitizer: Debug, but at -O1 with line tables only (what the sanitizers'
# reports need; the tests' own code stays at -O0). At -O0 the sanitized tests took 260 s of
# CPU, the random-trial equivalence tests most of it. Thirty files to a unity unit, not ten:
# this tree is built from scratch, not edited (202 to 182 CPU-s).
sanitized_options=(FUZZ_BUILD=build/sanitized FUZZ_BUILD_TYPE=Debug FUZZ_WITH_TESTS=ON)
sanitized() {
  cmake -S "$root" -B "$root/build/sanitized" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_CXX_FLAGS_DEBUG="-O1 -gline-tables-only" -DCMAKE_UNITY_BUILD_BATCH_SIZE=30 \
    -DTRIALMATCH_FUZZ=ON -DTRIALMATCH_TESTS=ON >/dev/null &&
    ninja -C build/sanitized -j "$jobs" &&
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest_counted build/sanitized
}
fuzz() {
  env "${sanitized_options[@]}" "$root/build-scripts/fuzz.sh" "${FUZZ_SECONDS:-10}"
}
site() {
  "$root/build-scripts/build-web.sh"
}
wasm_vs_native() {
  node tests/wasm/compare_native_wasm.mjs build/native/app/cli/trialmatch build/wasm/app/web_targets/trialmatch_node.js
}
browser() {
  TRIALMATCH_SITE="$root/build/wasm/site" TRIALMATCH_ARTIFACTS="$root/test-results" \
    TRIALMATCH_CLI="$root/build/native/app/cli/trialmatch" node tests/e2e/run_longest_first.mjs
}

run_stage "command-line tool" tool
run_stage "WebAssembly build" site
if [ ${#stage_failed[@]} -eq 0 ]; then
  start_background_stages "wasm-vs-native" wasm_vs_native "browser" browser
else
  stage_failed+=("wasm-vs-native and browser (not run: the tool or the site did not build)")
  failed=$((failed + 1))
fi
run_stage "unit" unit
run_stage "unit (ASan+UBSan)" sanitized
run_stage "fuzz" fuzz
wait_background_stages

echo
echo "Time per stage:"
printf '  %s\n' "${stage_times[@]}"
printf '  %-20s %5d s\n' "all" "$SECONDS"
if [ ${#stage_failed[@]} -gt 0 ]; then echo "failed stages: ${stage_failed[*]}"; fi
echo "Screenshots: $root/test-results/"
echo "total: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ ${#stage_failed[@]} -eq 0 ]
