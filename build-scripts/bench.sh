#!/usr/bin/env bash
# The benchmark (not a test: nothing here passes or fails): sets everything up, builds, and
# prints the seed study's first-visit bytes (raw, gzip, brotli), time to the first screen a
# person can act on, main-thread work until then and while idle, the WebAssembly memory, and
# the time per answer natively and in WebAssembly under Node, beside a plain HTML page and
# SurveyJS showing the same first question; then, for catalogs, the questions simulated
# people are asked (adaptive order against each study in turn) and the time per answer with
# 1, 100 and 10,000 generated studies, natively and in WebAssembly under Node (trialmatch
# time-match). See tests/bench/bench.mjs.
#   build-scripts/bench.sh [--loads N] [--answers-only]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
build-scripts/install-deps.sh
build-scripts/build-native.sh build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
build-scripts/build-web.sh >/dev/null
node tests/bench/bench.mjs build/wasm/site build/native/app/cli/trialmatch build/wasm/app/web_targets/trialmatch_node.js "$@"
