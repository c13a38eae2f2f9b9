#!/usr/bin/env bash
# Benchmarks: builds the release app and prints sizes, start-up and interaction times
# (Chromium, CPU throttled 4×) and the native validation/verification figures, with budgets.
# Timing budgets are reported, not asserted; the size budget is enforced by scripts/test.sh.
#
#   ./scripts/bench.sh           this build (KT_BASELINE_DIST=<dist> measures another alternately)
#   ./scripts/bench.sh --peers   this build against Enketo, SurveyJS, Form.io and ODK Web Forms,
#                                built from their pinned npm packages (bench/peers), interleaved
#   ./scripts/bench.sh --limit   the physical limit: the smallest bundles for this feature set
#
# Never part of the test command.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$KT_ROOT"
bash scripts/setup.sh >/dev/null
trunk build --release >/dev/null 2>&1
machine() { echo; echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(chromium --version 2>/dev/null | head -n1)"; }

case "${1:-}" in
  --peers)
    # The peers' packages: only here, never in the test setup (hundreds of MB).
    if [ ! -d bench/peers/node_modules/enketo-core ] || [ bench/peers/package-lock.json -nt bench/peers/node_modules/.package-lock.json ]; then
      (cd bench/peers && npm ci --no-audit --no-fund --loglevel=error)
    fi
    cargo build -q --release --locked -p keukentafel-cli
    echo "== keukentafel against its peers (release builds, headless Chromium)"
    KT_BIN="$KT_ROOT/target/release/keukentafel" node bench/peers/measure.mjs
    machine
    exit 0
    ;;
  --limit)
    echo "== the physical limit (release builds, wasm-opt -Oz, gzip -9 / Brotli 11)"
    bash bench/limit/measure.sh
    exit 0
    ;;
  "") ;;
  *) echo "bench.sh: unknown option '$1' (use --peers or --limit)" >&2; exit 2 ;;
esac

echo "== native (cargo bench -p keukentafel-cli)"
cargo bench -q -p keukentafel-cli --bench throughput 2>/dev/null | grep -v '^$'
echo "== browser (release build, headless Chromium)"
node tests/e2e/bench.mjs
machine
