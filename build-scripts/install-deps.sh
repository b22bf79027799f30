#!/usr/bin/env bash
# Installs everything the project needs, from Debian packages and the npm registry only.
# Safe to run again: each step checks whether its work is already done, and a step that
# fails says which step and shows what the tool printed.
#
#   build-scripts/install-deps.sh            native + web + browser-test dependencies
#
# Third-party sources (Dear ImGui, the QR code generator) are unpacked into third_party/ (git-ignored), never committed.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

log() { printf '[install-deps] %s\n' "$*"; }
fail() {
  printf '[install-deps] FAILED: %s\n' "$*" >&2
  exit 1
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Runs a step quietly; on failure prints its whole output and stops.
step() {
  local what=$1 out
  shift
  out=$(mktemp)
  if ! "$@" >"$out" 2>&1; then
    cat "$out" >&2
    rm -f "$out"
    fail "$what"
  fi
  rm -f "$out"
}

# ---- Debian binary packages (each one is used: see the comment beside it) ------------
packages=(
  build-essential cmake ninja-build   # native build
  emscripten                          # C++ to WebAssembly
  clang libclang-rt-14-dev            # libFuzzer and its sanitizers (build-scripts/fuzz.sh)
  nlohmann-json3-dev                  # JSON
  googletest libgtest-dev             # unit tests
  chromium                            # browser tests (driven by npm playwright-core)
  fonts-noto-core fonttools           # the app's font, subset at build time (pyftsubset)
  python3 xz-utils                    # build scripts; unpacking the imgui source package
  poppler-utils                       # browser tests read the printed summary back from its PDF
  zbar-tools                          # browser tests read the QR code back (zbarimg, an independent decoder)
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
apt_updated=0
if [ ${#missing[@]} -gt 0 ]; then
  log "apt-get update"
  step "apt-get update" as_root apt-get update
  apt_updated=1
  log "installing: ${missing[*]}"
  step "apt-get install ${missing[*]}" as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${missing[@]}"
fi

# ---- Sources compiled into the app, from Debian source packages -------------------------
# Dear ImGui 1.86 (imgui) and Project Nayuki's QR Code generator 1.8.0 (qr-code-generator,
# MIT). Each is fetched and unpacked only when it is not unpacked yet. The deb-src lines are
# made from the machine's own apt sources (build-scripts/apt_source_lines.py), so no mirror
# is named here.
download="$root/third_party/download"
enable_source_packages() {
  local src_list=/etc/apt/sources.list.d/trialmatch-debian-src.sources lines
  if ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ && ! grep -qs '^deb-src' /etc/apt/sources.list; then
    lines=$(python3 "$root/build-scripts/apt_source_lines.py")
    [ -n "$lines" ] || fail "no Debian archive found in this machine's apt sources to take source packages from"
    log "enabling Debian source packages (deb-src) from this machine's apt sources"
    printf '%s\n' "$lines" | as_root tee "$src_list" >/dev/null
    apt_updated=0
  fi
  if [ "$apt_updated" -eq 0 ]; then
    log "apt-get update"
    step "apt-get update (source packages)" as_root apt-get update
    apt_updated=1
  fi
}
# unpack_source_package PACKAGE DIR MARKER: PACKAGE's upstream tarball unpacked into
# third_party/DIR, unless third_party/DIR/MARKER is already there.
unpack_source_package() {
  local package=$1 dir="$root/third_party/$2" marker=$3 out tarball
  [ -f "$dir/$marker" ] && return 0
  mkdir -p "$download"
  if ! ls "$download/${package}"_*.orig.tar.* >/dev/null 2>&1; then
    enable_source_packages
    log "fetching the $package source package"
    # apt-get source can exit non-zero after fetching the tarball (a small Debian patch file
    # may be missing): the tarball is what counts, and its absence shows apt's own output.
    out=$(cd "$download" && apt-get source --download-only "$package" 2>&1) || true
    if ! ls "$download/${package}"_*.orig.tar.* >/dev/null 2>&1; then
      printf '%s\n' "$out" >&2
      fail "apt-get source $package did not bring ${package}_*.orig.tar.*"
    fi
  fi
  tarball=$(ls "$download/${package}"_*.orig.tar.* | head -n1)
  rm -rf "$dir.tmp" && mkdir -p "$dir.tmp"
  step "unpacking $tarball" tar -xf "$tarball" -C "$dir.tmp" --strip-components=1
  [ -f "$dir.tmp/$marker" ] || fail "$tarball has no $marker"
  rm -rf "$dir" && mv "$dir.tmp" "$dir"
}
unpack_source_package imgui imgui imgui.cpp
unpack_source_package qr-code-generator qrcodegen cpp/qrcodegen.cpp

# ---- Node.js: the tests use node --test with --test-concurrency (Node 20.10 or newer) --
node_ok=$(node -e 'const [a,b]=process.versions.node.split(".").map(Number); console.log(a>20||(a===20&&b>=10)?1:0)' 2>/dev/null || echo 0)
if [ "$node_ok" != 1 ]; then
  fail "the browser and WebAssembly tests need Node.js 20.10 or newer (found: $(node --version 2>/dev/null || echo none)); install it, then run this again"
fi

# ---- npm packages (pinned by package-lock.json) ---------------------------------------
# Reinstalled only when the lock file's content changed, not when a checkout touched it.
# The repository's .npmrc makes npm skip peer-dependency resolution and install scripts:
# lforms (the LHC-Forms test) is used only through its prebuilt files, and resolving its
# peer dependencies in full takes very long; no package here needs a script to run.
if [ -f "$root/package.json" ]; then
  stamp="$root/node_modules/.trialmatch-lock.sha256"
  want=$(sha256sum "$root/package-lock.json" | cut -d' ' -f1)
  if [ ! -d "$root/node_modules/playwright-core" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    log "npm ci"
    step "npm ci" npm ci --no-audit --no-fund --loglevel=error
    echo "$want" >"$stamp"
  fi
fi

log "dependencies are ready"
