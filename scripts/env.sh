# Sourced by the scripts: tool paths for this repository.
KT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$KT_ROOT/tests/e2e/node_modules/.bin:$PATH"
