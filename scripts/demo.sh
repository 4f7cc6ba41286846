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
step "Building and starting Kizuna with the Japan demo dataset"
exec cargo run --locked -p kizuna -- serve --demo "$@"
