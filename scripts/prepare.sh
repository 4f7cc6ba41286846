# Sourced by test.sh and demo.sh: installs front-end packages, Chromium and
# makes sure PostgreSQL answers. Everything comes from the package registries.
step() { printf '\n==> %s\n' "$*"; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

need_npm_packages() {
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    step "Installing front-end packages (npm ci)"
    npm ci --no-audit --no-fund
  fi
}

need_chromium() {
  if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "noto sans cjk"; then
    step "Installing Chromium and CJK fonts for the browser tests"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  fi
}

need_xmllint() {
  # The EWP export tests validate against the official XSDs with xmllint.
  if ! command -v xmllint >/dev/null 2>&1; then
    step "Installing xmllint for the EWP schema tests"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libxml2-utils >/dev/null
  fi
}

need_postgres() {
  export KIZUNA_TEST_POSTGRES_URL="${KIZUNA_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
  if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    step "Starting the local PostgreSQL"
    as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  fi
  # Each test makes its own database; clear the ones earlier runs left behind.
  psql "$KIZUNA_TEST_POSTGRES_URL" -Atc "SELECT datname FROM pg_database WHERE datname LIKE 'kizuna_test_%'" 2>/dev/null |
    while read -r db; do psql "$KIZUNA_TEST_POSTGRES_URL" -qc "DROP DATABASE IF EXISTS \"$db\"" >/dev/null 2>&1 || true; done
}

need_npm_packages
if [ "${KIZUNA_SKIP_BROWSER_SETUP:-}" != 1 ]; then need_chromium; fi
need_xmllint
need_postgres
