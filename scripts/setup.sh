#!/usr/bin/env bash
# Installs everything keukentafel needs to build, serve and test, and nothing twice.
# Idempotent: on a machine that has it all, this takes a few seconds.
# Sources: crates.io (cargo), the npm registry, Debian apt. Nothing is downloaded from elsewhere.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$ROOT/tests/e2e/node_modules/.bin:$PATH"

TRUNK_VERSION="0.21.14"
# The wasm-bindgen CLI must equal the wasm-bindgen crate pinned in Cargo.toml exactly.
WASM_BINDGEN_VERSION="$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)"

SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null; then SUDO="sudo"; fi

log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

pids=()
names=()
bg() { # bg NAME COMMAND...: run an install in the background, logged to target/setup-NAME.log
  local name="$1"; shift
  mkdir -p "$ROOT/target"
  log "installing $name (log: target/setup-$name.log)"
  ( "$@" ) >"$ROOT/target/setup-$name.log" 2>&1 &
  pids+=("$!")
  names+=("$name")
}

# 0. A C compiler, before anything is compiled: cargo links with it, and the CLI's ring and
#    mimalloc compile C and assembly. Present wherever Rust already builds natively.
if ! command -v cc >/dev/null; then
  log "installing gcc (Debian apt)"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends gcc libc6-dev
fi

# 1. Debian packages: Chromium + driver for browser tests, Node.js for Playwright.
apt_missing=()
command -v chromium >/dev/null || apt_missing+=(chromium)
command -v chromedriver >/dev/null || apt_missing+=(chromium-driver)
command -v node >/dev/null || apt_missing+=(nodejs)
command -v npm >/dev/null || apt_missing+=(npm)
command -v gzip >/dev/null || apt_missing+=(gzip)
# pdftoppm/pdftotext: the printed paper version (Chromium's PDF) read back as text and images.
command -v pdftoppm >/dev/null || apt_missing+=(poppler-utils)
if [ "${#apt_missing[@]}" -gt 0 ]; then
  bg apt bash -c "$SUDO apt-get update && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends ${apt_missing[*]}"
fi

# 2. Rust: the wasm target and the lint tools of the machine's one toolchain.
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
for c in rustfmt clippy; do
  rustup component list --installed | grep -q "^$c" || rustup component add "$c"
done

# 3. Trunk and the wasm-bindgen CLI (compiled from crates.io; trunk takes 15–30 minutes once).
if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  bg trunk cargo install --locked trunk --version "$TRUNK_VERSION"
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
  # Without --locked: with it, dependency resolution fails on this machine.
  bg wasm-bindgen cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# 4. npm: playwright-core (no browser download), axe-core, binaryen 132 (wasm-opt for Trunk),
#    esbuild (the build minifies its JavaScript, scripts/postbuild.mjs).
if [ ! -x tests/e2e/node_modules/.bin/wasm-opt ] || [ ! -x tests/e2e/node_modules/.bin/esbuild ] \
   || [ ! -d tests/e2e/node_modules/playwright-core ] \
   || [ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]; then
  if command -v npm >/dev/null; then
    log "npm ci in tests/e2e"
    (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
  else
    NPM_AFTER_APT=1
  fi
fi

# 5. PyPI jwcrypto: an independent JOSE library that opens the sealed records in the tests.
if ! python3 -c 'import jwcrypto' 2>/dev/null; then
  bg jwcrypto python3 -m pip install --quiet --disable-pip-version-check jwcrypto
fi

# 6. Crates for the offline builds (Trunk runs cargo with --offline).
cargo fetch --locked >/dev/null 2>&1 || cargo fetch

fail=0
for i in "${!pids[@]}"; do
  if wait "${pids[$i]}"; then
    log "${names[$i]} installed"
  else
    log "installing ${names[$i]} FAILED; last lines of target/setup-${names[$i]}.log:"
    tail -n 30 "$ROOT/target/setup-${names[$i]}.log" || true
    fail=1
  fi
done
[ "$fail" -eq 0 ] || exit 1

if [ "${NPM_AFTER_APT:-0}" = 1 ]; then
  log "npm ci in tests/e2e"
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
fi

# Never use Debian's binaryen (108): it silently produces a wasm that crashes on load.
wasm_opt_version="$(wasm-opt --version 2>/dev/null || true)"
case "$wasm_opt_version" in
  *"version 132"*) ;;
  *) echo "setup: wasm-opt on PATH is '$wasm_opt_version', expected binaryen 132 from npm" >&2; exit 1 ;;
esac
log "ready: $(trunk --version), $(wasm-bindgen --version), wasm-opt 132, $(chromium --version 2>/dev/null | head -n1)"
