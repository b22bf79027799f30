#!/usr/bin/env bash
# Builds the web app (build/wasm/site: the files to deploy) and the CLI compiled to
# WebAssembly for Node (build/wasm/app/web_targets/trialmatch_node.js) with Emscripten.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# Debian's emscripten needs Debian's node modules (acorn) on the path; see TOOLCHAIN notes.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
emcmake cmake -S "$root" -B "$root/build/wasm" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
ninja -C "$root/build/wasm"
