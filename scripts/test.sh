#!/usr/bin/env bash
# The whole test suite: formatting, lints, Rust tests on SQLite and PostgreSQL,
# the API contract (Schemathesis against a running server), and browser tests
# in Debian's Chromium. Installs what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prepare.sh

# Tests keep their SQLite files and command folders in the temporary folder
# (several hundred MB a run): a run gets a folder of its own and removes it,
# with its PostgreSQL databases, when it ends, passed or failed.
TMPDIR="$(mktemp -d "${TMPDIR:-/tmp}/kizuna-run.XXXXXX")"
export TMPDIR
cleanup() {
  rm -rf "$TMPDIR"
  if [ "${KIZUNA_TEST_POSTGRES:-}" != skip ]; then drop_test_databases; fi
}
trap cleanup EXIT

step "Formatting";  cargo fmt --all -- --check
step "Lints";       cargo clippy --workspace --all-targets --locked -- -D warnings
step "Rust tests (SQLite and PostgreSQL at ${KIZUNA_TEST_POSTGRES_URL})"
cargo test --workspace --locked --no-fail-fast
step "API contract (Schemathesis on SQLite and PostgreSQL)"
bash scripts/schemathesis.sh
step "Browser tests"
cargo build --locked -p kizuna
npm run --silent test:browser
