#!/usr/bin/env bash
# Builds the libFuzzer targets in tests/fuzz (Debian's clang, with AddressSanitizer and
# UndefinedBehaviorSanitizer) and runs each one (as many at a time as there are cores):
#   build-scripts/fuzz.sh [SECONDS]     each target for SECONDS (default 60)
#   build-scripts/fuzz.sh --runs N      each target for N executions
#   FUZZ_TARGETS="condition" build-scripts/fuzz.sh 30     only some targets
#   FUZZ_BUILD=build/fuzz-long build-scripts/fuzz.sh ...   another build directory
#   FUZZ_BUILD_TYPE=Debug FUZZ_WITH_TESTS=ON ...   the tree's build type (RelWithDebInfo unless
#     given) and whether it holds the unit tests too (build-scripts/test.sh runs both from one
#     Debug tree; a long search wants the optimised one)
# For each target, every file in tests/fuzz/corpus/TARGET (the seeds, and the inputs that
# once crashed: kept as regression tests) is replayed first; then libFuzzer searches for new
# inputs from that corpus. New interesting inputs go to build/fuzz/work/TARGET (not
# committed); a crash, leak, timeout or out-of-memory is saved as build/fuzz/crash-TARGET-*
# and fails the target. Ends with "fuzz: N passed, M failed" (one count per target).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

limit=(-max_total_time=60)
if [ "${1:-}" = "--runs" ]; then
  limit=(-runs="${2:?--runs needs a number}")
elif [ -n "${1:-}" ]; then
  limit=(-max_total_time="$1")
fi
targets=${FUZZ_TARGETS:-"trial_loader condition answers_file result_code catalog ctgov_record"}
jobs=${JOBS:-$(nproc)}
build=${FUZZ_BUILD:-build/fuzz}

if ! command -v clang++ >/dev/null; then
  echo "fuzz.sh: clang++ not found: run build-scripts/install-deps.sh" >&2
  echo "fuzz: 0 passed, 1 failed"
  exit 1
fi
fuzzers=()
for t in $targets; do fuzzers+=("fuzz_$t"); done
if ! cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="${FUZZ_BUILD_TYPE:-RelWithDebInfo}" \
       -DCMAKE_CXX_COMPILER=clang++ -DTRIALMATCH_FUZZ=ON -DTRIALMATCH_TESTS="${FUZZ_WITH_TESTS:-OFF}" >/dev/null ||
   ! ninja -C "$build" -j "$jobs" "${fuzzers[@]}"; then
  echo "fuzz: 0 passed, 1 failed"
  exit 1
fi

# Inputs longer than this are cut: short inputs run many times faster, and every limit the
# readers enforce (see app/core/input_limits.h) can still be reached by repetition.
declare -A max_len=([trial_loader]=8192 [condition]=4200 [answers_file]=4096 [result_code]=2048 [catalog]=8192
                   [ctgov_record]=16384)

# One target: replays its corpus, then searches. Prints what it found; its exit status says
# whether it passed.
fuzz_one() {
  local t=$1 bin=$build/tests/fuzz/fuzz_$1 corpus=tests/fuzz/corpus/$1 work=$build/work/$1 log=$build/fuzz-$1.log
  local status runs
  mkdir -p "$work"
  # 1. Replay the committed corpus, each file once (seeds and regression inputs).
  if ! find "$corpus" -type f -print0 | xargs -0 "$bin" -timeout=10 -rss_limit_mb=2048 >"$log.replay" 2>&1; then
    echo "fuzz $t: a file in $corpus fails; see $log.replay"
    grep -E 'ERROR|broken promise|Running:' "$log.replay" | tail -n 5
    return 1
  fi
  # 2. Search for new inputs.
  "$bin" "$work" "$corpus" "${limit[@]}" -max_len="${max_len[$t]:-4096}" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$build/crash-$t-" >"$log" 2>&1
  status=$?
  runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -n1)
  if [ $status -ne 0 ]; then
    echo "fuzz $t: FAILED after ${runs:-?} runs; see $log"
    grep -E '^==[0-9]+==ERROR|broken promise|SUMMARY|artifact_prefix|Test unit written' "$log" | head -n 8
    return 1
  fi
  echo "fuzz $t: ok, ${runs:-?} runs in $(grep -Eo 'stat::average_exec_per_sec: *[0-9]+' "$log" | grep -Eo '[0-9]+$') runs/s"
}

# The targets run $jobs at a time (each is one process on one core); their reports are printed
# in the targets' order once all have ended.
passed=0
failed=0
results=$(mktemp -d)
running=0
for t in $targets; do
  if [ $running -ge "$jobs" ]; then wait -n; running=$((running - 1)); fi
  { fuzz_one "$t" >"$results/$t.out" 2>&1; echo $? >"$results/$t.status"; } &
  running=$((running + 1))
done
wait
for t in $targets; do
  cat "$results/$t.out"
  if [ "$(cat "$results/$t.status" 2>/dev/null)" = 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
rm -rf "$results"
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
