#!/usr/bin/env bash
# Builds Kizuna, loads the Japan dataset into ./kizuna-data/kizuna.db (SQLite)
# and serves it at http://127.0.0.1:8080/ (set KIZUNA_LISTEN to change).
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n==> %s\n' "$*"; }
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "Installing front-end packages (npm ci)"
  npm ci --no-audit --no-fund
fi
step "Building Kizuna"
cargo build --locked -p kizuna
binary="${CARGO_TARGET_DIR:-$(pwd)/target}/debug/kizuna"
step "Starting Kizuna with the Japan demo dataset"
echo "The kizuna command is $binary (e.g. $binary --help; it reads ./kizuna-data from here)."
exec "$binary" serve --demo "$@"
