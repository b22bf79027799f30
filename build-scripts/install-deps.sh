#!/usr/bin/env bash
# Installs everything the project needs, from Debian packages and the npm registry only.
# Safe to run again: each step checks whether its work is already done, and a step that
# fails says which step and shows what the tool printed.
#
#   build-scripts/install-deps.sh            native + web + browser-test dependencies
#
# Third-party sources (Dear ImGui) are unpacked into third_party/ (git-ignored), never committed.
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

# ---- Dear ImGui 1.86 from the Debian source package -----------------------------------
# Only when it is not unpacked yet. The deb-src lines are made from the machine's own apt
# sources (build-scripts/apt_source_lines.py), so no mirror is named here.
imgui_dir="$root/third_party/imgui"
if [ ! -f "$imgui_dir/imgui.cpp" ]; then
  download="$root/third_party/download"
  mkdir -p "$download"
  if ! ls "$download"/imgui_*.orig.tar.* >/dev/null 2>&1; then
    src_list=/etc/apt/sources.list.d/trialmatch-debian-src.sources
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
    fi
    log "fetching the imgui source package"
    # apt-get source can exit non-zero after fetching the tarball (a small Debian patch file
    # may be missing): the tarball is what counts, and its absence shows apt's own output.
    out=$(cd "$download" && apt-get source --download-only imgui 2>&1) || true
    if ! ls "$download"/imgui_*.orig.tar.* >/dev/null 2>&1; then
      printf '%s\n' "$out" >&2
      fail "apt-get source imgui did not bring imgui_*.orig.tar.*"
    fi
  fi
  tarball=$(ls "$download"/imgui_*.orig.tar.* | head -n1)
  rm -rf "$imgui_dir.tmp" && mkdir -p "$imgui_dir.tmp"
  step "unpacking $tarball" tar -xf "$tarball" -C "$imgui_dir.tmp" --strip-components=1
  rm -rf "$imgui_dir" && mv "$imgui_dir.tmp" "$imgui_dir"
fi

# ---- Node.js: the tests use node --test with --test-concurrency (Node 20.10 or newer) --
node_ok=$(node -e 'const [a,b]=process.versions.node.split(".").map(Number); console.log(a>20||(a===20&&b>=10)?1:0)' 2>/dev/null || echo 0)
if [ "$node_ok" != 1 ]; then
  fail "the browser and WebAssembly tests need Node.js 20.10 or newer (found: $(node --version 2>/dev/null || echo none)); install it, then run this again"
fi

# ---- npm packages (pinned by package-lock.json) ---------------------------------------
# Reinstalled only when the lock file's content changed, not when a checkout touched it.
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
