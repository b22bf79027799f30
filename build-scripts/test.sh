#!/usr/bin/env bash
# Sets everything up and runs every test:
#   1. unit tests (GoogleTest via CTest), native
#   2. the same unit tests under AddressSanitizer + UndefinedBehaviorSanitizer
#   3. a short fuzzing pass: each libFuzzer target replays its corpus (seeds and kept
#      crashes), then searches for FUZZ_SECONDS (default 20) seconds (build-scripts/fuzz.sh)
#   4. the core compiled to WebAssembly, run under Node, compared with native output
#   5. end-to-end tests in headless Chromium (playwright-core)
# Prints each stage's time (building included), then ends with one line: "total: N passed,
# M failed". Exit status 0 only if all passed.
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

run_stage() {
  local stage=$1
  shift
  local log start=$SECONDS
  log=$(mktemp)
  note "$stage"
  if "$@" 2>&1 | tee "$log"; then :; fi
  local status=${PIPESTATUS[0]}
  stage_times+=("$(printf '%-20s %5d s' "$stage" $((SECONDS - start)))")
  count "$log" "$stage"
  if [ "$status" -ne 0 ]; then
    stage_failed+=("$stage")
    # A stage that broke before counting any test still counts as a failure.
    if ! grep -Eq '[0-9]+ tests failed out of|[0-9]+ passed, [0-9]+ failed|^# fail' "$log"; then failed=$((failed + 1)); fi
  fi
  rm -f "$log"
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
unit() {
  "$root/build-scripts/build-native.sh" build/native -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTRIALMATCH_TESTS=ON &&
    ctest_counted build/native
}
sanitized() {
  "$root/build-scripts/build-native.sh" build/asan -DCMAKE_BUILD_TYPE=Debug -DTRIALMATCH_SANITIZE=ON -DTRIALMATCH_TESTS=ON &&
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest_counted build/asan
}
fuzz() {
  "$root/build-scripts/fuzz.sh" "${FUZZ_SECONDS:-20}"
}
wasm() {
  "$root/build-scripts/build-web.sh" &&
    node tests/wasm/compare_native_wasm.mjs build/native/app/cli/trialmatch build/wasm/app/web_targets/trialmatch_node.js
}
browser() {
  TRIALMATCH_SITE="$root/build/wasm/site" TRIALMATCH_ARTIFACTS="$root/test-results" \
    node --test --test-concurrency=1 tests/e2e/
}

run_stage "unit" unit
run_stage "unit (ASan+UBSan)" sanitized
run_stage "fuzz" fuzz
run_stage "wasm-vs-native" wasm
run_stage "browser" browser

echo
echo "Time per stage:"
printf '  %s\n' "${stage_times[@]}"
printf '  %-20s %5d s\n' "all" "$SECONDS"
if [ ${#stage_failed[@]} -gt 0 ]; then echo "failed stages: ${stage_failed[*]}"; fi
echo "Screenshots: $root/test-results/"
echo "total: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ ${#stage_failed[@]} -eq 0 ]
