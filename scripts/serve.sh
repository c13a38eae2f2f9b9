#!/usr/bin/env bash
# Builds the keukentafel app (release, size-optimised) and the back-office binary, and runs
# `keukentafel serve` on http://127.0.0.1:8080/: the app with its security headers, and the
# receiver of signed records (POST /v1/records) into an embedded SQLite database
# (target/demo/keukentafel.sqlite). Installs whatever is missing first (scripts/setup.sh).
#
# This is the demo set-up: the municipality's demo key (examples/keys, public in this
# repository) opens the sealed records, and keys of professionals that are not enrolled are
# accepted (--accept-unenrolled). A municipality runs it as docs/DEPLOYMENT.md describes.
# Extra arguments go to `keukentafel serve` (e.g. --listen 0.0.0.0:8080).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$KT_ROOT"
bash scripts/setup.sh
trunk build --release
cargo build --release --locked -p keukentafel-cli
mkdir -p target/demo
echo "keukentafel: http://127.0.0.1:8080/ (Ctrl-C stopt de server; ontvangen records: target/demo/keukentafel.sqlite)"
exec target/release/keukentafel serve \
  --dist dist \
  --db target/demo/keukentafel.sqlite \
  --key examples/keys/municipality-demo.private.jwk.json \
  --accept-unenrolled \
  --listen 127.0.0.1:8080 \
  "$@"
