#!/usr/bin/env bash
# The benchmark (not a test: nothing here passes or fails): sets everything up, builds, and
# prints the seed study's first-visit bytes (raw, gzip, brotli), time to the first screen a
# person can act on, main-thread work until then and while idle, for the seed study and for
# the depression catalog, in two profiles (unthrottled, and a phone's: CPU slowed 4 times,
# 1.6 Mbit/s, 150 ms round trips; every file sent brotli-compressed), the WebAssembly memory,
# and the time per answer natively and in WebAssembly under Node, beside a plain HTML page and
# SurveyJS showing the same first question; then, for catalogs, the questions simulated
# people are asked (adaptive order against each study in turn) and the time per answer with
# 1, 100 and 10,000 generated studies, natively and in WebAssembly under Node (trialmatch
# time-match); and how long the studio's checks take and hold up its page after an edit.
# See tests/bench/bench.mjs and tests/bench/studio_checks.mjs.
#   build-scripts/bench.sh [--loads N] [--answers-only]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
build-scripts/install-deps.sh
build-scripts/build-native.sh build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
build-scripts/build-web.sh >/dev/null
node tests/bench/bench.mjs build/wasm/site build/native/app/cli/trialmatch build/wasm/app/web_targets/trialmatch_node.js "$@"
# The studio's checks: off the page's thread (in their worker) and, for comparison, on it.
case " $* " in *" --answers-only "*) ;; *) node tests/bench/studio_checks.mjs build/wasm/site ;; esac
# What each part of app.wasm costs, against its budget (a build that keeps function names).
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
emcmake cmake -S "$root" -B build/wasm-profile -G Ninja -DCMAKE_BUILD_TYPE=Release -DTRIALMATCH_PROFILING_FUNCS=ON >/dev/null
ninja -C build/wasm-profile app >/dev/null
python3 build-scripts/wasm_parts.py build/wasm-profile/site/app.wasm --budget || echo "(a part of app.wasm is over its budget)"
