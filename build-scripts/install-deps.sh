#!/usr/bin/env bash
# Installs everything the project needs, from Debian packages and the npm registry only.
# Safe to run again: each step checks whether its work is already done.
#
#   build-scripts/install-deps.sh            native + web + browser-test dependencies
#
# Third-party sources (Dear ImGui) are unpacked into third_party/ (git-ignored), never committed.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

log() { printf '[install-deps] %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# ---- Debian binary packages ------------------------------------------------
packages=(
  build-essential cmake ninja-build
  emscripten
  clang libclang-rt-14-dev   # libFuzzer and its sanitizers: build-scripts/fuzz.sh
  nlohmann-json3-dev
  googletest libgtest-dev libbenchmark-dev
  chromium
  fonts-noto-core fonttools
  python3 xz-utils
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

# ---- Debian source packages (deb-src) --------------------------------------
src_list=/etc/apt/sources.list.d/trialmatch-debian-src.sources
need_update=0
if ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ && ! grep -qs '^deb-src' /etc/apt/sources.list; then
  log "enabling Debian source packages (deb-src) for bookworm main"
  as_root tee "$src_list" >/dev/null <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  need_update=1
fi

if [ ${#missing[@]} -gt 0 ] || [ "$need_update" -eq 1 ]; then
  log "apt-get update"
  as_root apt-get update -qq
fi
if [ ${#missing[@]} -gt 0 ]; then
  log "installing: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# ---- Dear ImGui 1.86 from the Debian source package ------------------------
imgui_dir="$root/third_party/imgui"
if [ ! -f "$imgui_dir/imgui.cpp" ]; then
  log "fetching the imgui source package"
  mkdir -p "$root/third_party/download"
  (
    cd "$root/third_party/download"
    ls imgui_*.orig.tar.* >/dev/null 2>&1 || apt-get source --download-only imgui >/dev/null 2>&1 || true
    tarball=$(ls imgui_*.orig.tar.* 2>/dev/null | head -n1 || true)
    if [ -z "$tarball" ]; then
      echo "install-deps: could not download the imgui source package (apt-get source imgui)" >&2
      exit 1
    fi
    rm -rf "$imgui_dir.tmp" && mkdir -p "$imgui_dir.tmp"
    tar -xf "$tarball" -C "$imgui_dir.tmp" --strip-components=1
    rm -rf "$imgui_dir" && mv "$imgui_dir.tmp" "$imgui_dir"
  )
fi

# ---- npm packages (pinned by package-lock.json) -----------------------------
if [ -f "$root/package.json" ]; then
  if [ ! -d "$root/node_modules/playwright-core" ] || [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
    log "npm ci"
    (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi

log "dependencies are ready"
