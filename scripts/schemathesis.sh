#!/usr/bin/env bash
# The API contract test: Schemathesis (pinned in schemathesis-requirements.txt,
# installed into target/schemathesis-venv) generates requests from the served
# OpenAPI document and checks every answer with all its default checks.
#
# For each backend (KIZUNA_SCHEMATHESIS_BACKENDS, default "sqlite postgres") it
# loads the Japan demo data into a fresh database, starts target/debug/kizuna on
# a free port, runs Schemathesis once without credentials and once with an admin
# token (fixed seed, KIZUNA_SCHEMATHESIS_EXAMPLES per operation, default 50), and
# stops the server. Exits non-zero when any run finds a failure.
#
# Check settings (scripts/schemathesis.toml) say which answers a check accepts
# where the HTTP rules and Schemathesis's defaults differ; nothing is turned off.
set -euo pipefail
cd "$(dirname "$0")/.."

backends="${KIZUNA_SCHEMATHESIS_BACKENDS:-sqlite postgres}"
examples="${KIZUNA_SCHEMATHESIS_EXAMPLES:-50}"
seed="${KIZUNA_SCHEMATHESIS_SEED:-20261129}"
postgres_url="${KIZUNA_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
venv=target/schemathesis-venv
work=target/schemathesis
kizuna="$PWD/target/debug/kizuna"

say() { printf '\n--> %s\n' "$*"; }

if ! cmp -s scripts/schemathesis-requirements.txt "$venv/requirements.txt" 2>/dev/null; then
  say "Installing Schemathesis into $venv"
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r scripts/schemathesis-requirements.txt
  cp scripts/schemathesis-requirements.txt "$venv/requirements.txt"
fi

say "Building kizuna"
cargo build --locked --quiet -p kizuna

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

server_pid=""
database=""
stop_server() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
  if [ -n "$database" ]; then
    psql "$postgres_url" -qc "DROP DATABASE IF EXISTS \"$database\"" >/dev/null 2>&1 || true
    database=""
  fi
}
trap stop_server EXIT

failed=0
rm -rf "$work"
mkdir -p "$work"
for backend in $backends; do
  data="$work/$backend"
  mkdir -p "$data"
  case "$backend" in
    sqlite) url="sqlite://$data/kizuna.db" ;;
    postgres)
      database="kizuna_schemathesis_$$"
      psql "$postgres_url" -qc "DROP DATABASE IF EXISTS \"$database\"" >/dev/null
      psql "$postgres_url" -qc "CREATE DATABASE \"$database\"" >/dev/null
      url="${postgres_url%/*}/$database"
      ;;
    *) echo "unknown backend $backend (sqlite or postgres)" >&2; exit 2 ;;
  esac
  where=(--data-dir "$data" --database-url "$url")
  run() { "$kizuna" "${where[@]}" "$@"; }

  say "[$backend] Loading the demo data and an admin account"
  run demo >"$data/setup.log" 2>&1
  printf '%s\n' "schemathesis-$RANDOM-$RANDOM-password" |
    run user add schemathesis@example.org --role admin >>"$data/setup.log" 2>&1
  token="$(run user token schemathesis@example.org --name schemathesis 2>>"$data/setup.log" | tail -n 1)"

  port="$(free_port)"
  base="http://127.0.0.1:$port"
  # The binary itself in the background (not a function), so $! is its pid.
  KIZUNA_LISTEN="127.0.0.1:$port" "$kizuna" "${where[@]}" serve >"$data/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 100); do
    curl -fsS "$base/readyz" >/dev/null 2>&1 && break
    sleep 0.2
  done
  curl -fsS "$base/readyz" >/dev/null || { cat "$data/server.log"; exit 1; }

  # Without credentials first: that run changes nothing, so the admin run
  # after it still finds the demo data.
  for who in anonymous admin; do
    say "[$backend] Schemathesis as $who ($examples examples per operation, seed $seed)"
    auth=()
    if [ "$who" = admin ]; then auth=(-H "Authorization: Bearer $token"); fi
    if ! "$venv/bin/st" --config-file scripts/schemathesis.toml run "$base/api/openapi.json" \
        "${auth[@]}" --seed "$seed" --max-examples "$examples" --workers 1 \
        --report junit --report-junit-path "$work/$backend-$who.xml" \
        >"$work/$backend-$who.log" 2>&1; then
      failed=1
      cat "$work/$backend-$who.log"
    else
      sed -n '/= SUMMARY =/,$p' "$work/$backend-$who.log"
    fi
  done
  if grep -q "panicked" "$data/server.log"; then
    echo "[$backend] the server panicked:" >&2
    grep -A5 "panicked" "$data/server.log" >&2
    failed=1
  fi
  stop_server
done
exit "$failed"
