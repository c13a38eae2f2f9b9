#!/usr/bin/env bash
# Builds the keukentafel app (release, size-optimised) and serves it on http://127.0.0.1:8080/.
# Installs whatever is missing first (scripts/setup.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$KT_ROOT"
bash scripts/setup.sh
echo "keukentafel: http://127.0.0.1:8080/ (Ctrl-C stopt de server)"
exec trunk serve --release "$@"
