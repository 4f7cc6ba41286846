# Sourced by test.sh: installs front-end packages, Chromium and makes sure
# PostgreSQL answers (unless KIZUNA_TEST_POSTGRES=skip). Everything comes from the package registries.
step() { printf '\n==> %s\n' "$*"; }

# Runs a command as root: directly when we are root, through sudo when it is
# installed (without a terminal, only if it needs no password), else not at
# all: the caller then says what to install by hand.
as_root() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    if [ -t 0 ]; then sudo "$@"; else sudo -n "$@"; fi
  else
    return 1
  fi
}

# Whether fontconfig knows a CJK font. grep reads all of fc-list's output (no
# -q): under pipefail, grep -q leaving early would kill fc-list with SIGPIPE
# and make the check fail even when the font is there.
has_cjk_font() {
  command -v fc-list >/dev/null 2>&1 &&
    fc-list 2>/dev/null | grep -i "noto sans cjk" >/dev/null
}

need_npm_packages() {
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    step "Installing front-end packages (npm ci)"
    npm ci --no-audit --no-fund
  fi
}

need_chromium() {
  if [ -x /usr/bin/chromium ] && has_cjk_font; then return 0; fi
  step "Installing Chromium and CJK fonts for the browser tests"
  if ! { as_root apt-get update -qq &&
         as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; }; then
    echo "Could not install Debian's chromium and fonts-noto-cjk (this needs root or sudo)." >&2
    echo "Install them as root: apt-get install chromium fonts-noto-cjk" >&2
    echo "or skip the browser set-up with KIZUNA_SKIP_BROWSER_SETUP=1." >&2
    return 1
  fi
}

need_xmllint() {
  # The EWP export tests validate against the official XSDs with xmllint.
  if ! command -v xmllint >/dev/null 2>&1; then
    step "Installing xmllint for the EWP schema tests"
    if ! { as_root apt-get update -qq &&
           as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libxml2-utils >/dev/null; }; then
      echo "Could not install Debian's libxml2-utils (xmllint; this needs root or sudo)." >&2
      echo "Install it as root: apt-get install libxml2-utils" >&2
      return 1
    fi
  fi
}

need_postgres() {
  if [ "${KIZUNA_TEST_POSTGRES:-}" = skip ]; then return 0; fi
  export KIZUNA_TEST_POSTGRES_URL="${KIZUNA_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
  if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    step "Starting the local PostgreSQL"
    local version
    version="$(ls /etc/postgresql 2>/dev/null | head -n1 || true)"
    if [ -z "$version" ]; then
      echo "The tests need PostgreSQL on 127.0.0.1:5432 and it is not installed here." >&2
      echo "Install it as root (apt-get install postgresql), point KIZUNA_TEST_POSTGRES_URL" >&2
      echo "at another server, or set KIZUNA_TEST_POSTGRES=skip to skip its tests." >&2
      return 1
    fi
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  fi
  # Each test makes its own database; clear the ones earlier runs left behind.
  drop_test_databases
}

# Drops every test database on the test server (a run drops its own at the end).
drop_test_databases() {
  psql "$KIZUNA_TEST_POSTGRES_URL" -Atc "SELECT datname FROM pg_database WHERE datname LIKE 'kizuna_test_%'" 2>/dev/null |
    while read -r db; do psql "$KIZUNA_TEST_POSTGRES_URL" -qc "DROP DATABASE IF EXISTS \"$db\"" >/dev/null 2>&1 || true; done ||
    true
}

need_npm_packages
if [ "${KIZUNA_SKIP_BROWSER_SETUP:-}" != 1 ]; then need_chromium; fi
need_xmllint
need_postgres
