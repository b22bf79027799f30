#!/usr/bin/env bash
# Sets everything up, builds the web app and serves it on 127.0.0.1.
#   build-scripts/run.sh            -> http://127.0.0.1:8765/ (the seed study)
#   PORT=9000 build-scripts/run.sh
# Another study: http://127.0.0.1:8765/?trial=trials/OTHER.json  (any file in assets/trials)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
port=${PORT:-8765}
"$root/build-scripts/install-deps.sh"
"$root/build-scripts/build-web.sh"
echo
echo "The prescreener is ready: http://127.0.0.1:$port/"
echo "(Spanish: http://127.0.0.1:$port/?lang=es. Press Ctrl+C to stop.)"
# With the headers a deployment sends (deploy/headers.json): what is tried is what is deployed.
exec python3 "$root/build-scripts/serve.py" "$root/build/wasm/site" "$port"
