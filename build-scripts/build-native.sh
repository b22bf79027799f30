#!/usr/bin/env bash
# Builds the native targets (core, trialmatch CLI, unit tests) with g++.
#   build-scripts/build-native.sh                 -> build/native (Release, as test.sh and bench.sh build it)
#   build-scripts/build-native.sh build/asan -DTRIALMATCH_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-build/native}
shift || true
cmake -S "$root" -B "$root/$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
ninja -C "$root/$dir"
