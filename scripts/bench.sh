#!/usr/bin/env bash
# Benchmarks: builds the release app and prints sizes, start-up and interaction times
# (Chromium, CPU throttled 4×) and the native validation/verification figures, with budgets.
# Timing budgets are reported, not asserted; the size budget is enforced by scripts/test.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$KT_ROOT"
bash scripts/setup.sh >/dev/null
trunk build --release >/dev/null 2>&1
echo "== native (cargo bench -p keukentafel-cli)"
cargo bench -q -p keukentafel-cli --bench throughput 2>/dev/null | grep -v '^$'
echo "== browser (release build, headless Chromium)"
node tests/e2e/bench.mjs
echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(chromium --version 2>/dev/null | head -n1)"
