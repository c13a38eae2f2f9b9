#!/usr/bin/env bash
# Runs every test of keukentafel: formatting, lints, native tests (core, CLI), the release
# build with Trunk, and the browser tests against that build in Debian Chromium.
# Installs whatever is missing first (scripts/setup.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$KT_ROOT"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "setup"
bash scripts/setup.sh

step "cargo fmt --check"
cargo fmt --all -- --check

step "architecture: the core has no web dependency; no import circle in src/; nothing is inserted as raw HTML"
if cargo tree -p keukentafel-core -e normal --target all --prefix none | grep -E "^(leptos|web-sys|gloo|wasm-bindgen|js-sys)[ -]"; then
  echo "keukentafel-core must not depend on web crates" >&2
  exit 1
fi
python3 scripts/module-cycles.py
if grep -rnE "inner_html|innerHTML|outerHTML|insertAdjacentHTML" src examples/portal; then
  echo "records are never inserted as raw HTML" >&2
  exit 1
fi
echo "ok"

step "clippy (native, warnings denied)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "clippy (wasm32 app with its browser tests, and core; warnings denied)"
cargo clippy -p keukentafel-app --all-targets --target wasm32-unknown-unknown --locked -- -D warnings
cargo clippy -p keukentafel-core --target wasm32-unknown-unknown --locked -- -D warnings

step "native tests (core rules, parser, schema, property tests, CLI)"
cargo test --workspace --locked

step "component tests in headless Chromium (wasm-bindgen-test: signature pad, a form step)"
CHROMEDRIVER=/usr/bin/chromedriver cargo test -p keukentafel-app --target wasm32-unknown-unknown --locked

step "release build with Trunk (offline, wasm-opt 132)"
trunk build --release

step "browser tests (Playwright + Debian Chromium, against dist/)"
cd tests/e2e
node --test --test-reporter=spec
