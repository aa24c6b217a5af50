# shellcheck shell=bash
# Shared helpers for scripts/test.sh and scripts/start.sh. Source it; do not execute it.
# Every function is safe to call twice (idempotent) and fails loudly.

PNPM_VERSION="${PNPM_VERSION:-12.4.2}"
NODE_MIN_VERSION="20.19.0"
CHROMIUM_BIN="/usr/bin/chromium"

# Postgres: use the one on PG_PROBE_PORT if it answers, else run our own on PG_FALLBACK_PORT.
PG_HOST="127.0.0.1"
PG_PROBE_PORT="${CLINICFLOW_PG_PROBE_PORT:-5432}"
PG_FALLBACK_PORT="${CLINICFLOW_PG_FALLBACK_PORT:-55432}"
PG_FALLBACK_DIR="${CLINICFLOW_PG_DIR:-/tmp/clinicflow-pg}"

# State filled by the functions below (read by callers and by cleanup).
PG_PORT=""
PG_BIN=""
PSQL=""
PG_STARTED_BY_US=0
TEST_DB_NAME=""

if [[ -t 1 && -z "${NO_COLOR:-}" && "${CI:-}" != "true" ]]; then
  C_BOLD=$'\e[1m'; C_RED=$'\e[31m'; C_GREEN=$'\e[32m'; C_YELLOW=$'\e[33m'; C_RESET=$'\e[0m'
else
  C_BOLD=""; C_RED=""; C_GREEN=""; C_YELLOW=""; C_RESET=""
fi

log() { printf '%s\n' "$*"; }
warn() { printf '%sWARNING:%s %s\n' "$C_YELLOW" "$C_RESET" "$*" >&2; }
err() { printf '%sERROR:%s %s\n' "$C_RED" "$C_RESET" "$*" >&2; }
die() { err "$*"; exit 1; }
section() { printf '\n%s==> %s%s\n' "$C_BOLD" "$*" "$C_RESET"; }

is_root() { [[ "$(id -u)" -eq 0 ]]; }

# Absolute repo root (the parent of this scripts/ folder).
repo_root() { cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd; }

apt_install() {
  is_root || die "need root to apt-get install $*; install it yourself and re-run"
  log "apt-get install -y $*"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "$@"
}

version_ge() { # version_ge A B: true when A >= B (dotted numbers)
  [[ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" == "$2" ]]
}

ensure_node() {
  command -v node >/dev/null || die "node not found; install Node ${NODE_MIN_VERSION}+ (20.x is what this repo is verified on)"
  local v
  v="$(node -p 'process.versions.node')"
  version_ge "$v" "$NODE_MIN_VERSION" || die "Node $v is too old; need >= $NODE_MIN_VERSION"
  log "node $v"
}

# The installed pnpm must equal the packageManager pin exactly. Asked from / so that the repo's
# packageManager field cannot make pnpm refuse or switch versions while we only ask for its version.
pnpm_version() { (cd / && pnpm --version 2>/dev/null) || true; }

ensure_pnpm() {
  ensure_node
  local have
  have="$(pnpm_version)"
  if [[ "$have" != "$PNPM_VERSION" ]]; then
    log "pnpm ${have:-missing}; installing pnpm@$PNPM_VERSION with npm (corepack fails on these machines)"
    npm install -g --no-fund --no-audit "pnpm@$PNPM_VERSION"
    hash -r
    have="$(pnpm_version)"
    [[ "$have" == "$PNPM_VERSION" ]] || die "pnpm is $have after install, expected $PNPM_VERSION (check PATH: $(command -v pnpm))"
  fi
  log "pnpm $have"
}

pnpm_install() {
  pnpm install --frozen-lockfile
}

ensure_chromium() {
  if [[ ! -x "$CHROMIUM_BIN" ]]; then
    is_root || die "$CHROMIUM_BIN is missing. As root run: apt-get update && apt-get install -y chromium (never 'playwright install')"
    apt_install chromium
  fi
  [[ -x "$CHROMIUM_BIN" ]] || die "$CHROMIUM_BIN still missing after install"
  log "$("$CHROMIUM_BIN" --version 2>/dev/null || echo "$CHROMIUM_BIN")"
}

# The PDF tests check files with the tools a reader would trust: qpdf (structure), poppler (fonts, text, pages).
ensure_pdf_tools() {
  local missing=()
  command -v qpdf >/dev/null || missing+=(qpdf)
  command -v pdftoppm >/dev/null || missing+=(poppler-utils)
  if ((${#missing[@]})); then
    is_root || die "missing ${missing[*]}. As root run: apt-get update && apt-get install -y ${missing[*]}"
    apt_install "${missing[@]}"
  fi
  log "$(qpdf --version | head -n1); $(pdftoppm -v 2>&1 | head -n1)"
}

# ---------- Postgres ----------

find_pg_bin() {
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)"
  if [[ -z "$d" || ! -x "$d/initdb" ]]; then
    log "Postgres server binaries not found under /usr/lib/postgresql/*/bin"
    apt_install postgresql
    d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)"
  fi
  [[ -n "$d" && -x "$d/initdb" ]] || die "no initdb under /usr/lib/postgresql/*/bin"
  PG_BIN="$d"
}

find_psql() {
  if command -v psql >/dev/null; then PSQL="$(command -v psql)"; return; fi
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)"
  if [[ -n "$d" && -x "$d/psql" ]]; then PSQL="$d/psql"; return; fi
  apt_install postgresql-client
  PSQL="$(command -v psql)" || die "psql missing after installing postgresql-client"
}

# True when a Postgres server accepts connections on $1 (port). Uses pg_isready when present,
# else a plain TCP connect with node (something listens; psql later proves it is Postgres).
pg_answers() {
  local port="$1"
  if command -v pg_isready >/dev/null; then
    pg_isready -q -h "$PG_HOST" -p "$port" -t 3
  else
    node -e '
      const s = require("net").connect({ host: process.argv[1], port: +process.argv[2] });
      s.setTimeout(3000, () => process.exit(1));
      s.on("connect", () => { s.end(); process.exit(0); });
      s.on("error", () => process.exit(1));' "$PG_HOST" "$port"
  fi
}

as_postgres() { # run a command string as the postgres OS user (initdb refuses root)
  if is_root; then su postgres -s /bin/bash -c "$1"; else bash -c "$1"; fi
}

start_fallback_pg() {
  find_pg_bin
  local d="$PG_FALLBACK_DIR" port="$PG_FALLBACK_PORT"
  if is_root && ! id postgres >/dev/null 2>&1; then
    die "user 'postgres' missing (apt-get install -y postgresql creates it)"
  fi
  if [[ ! -f "$d/PG_VERSION" ]]; then
    log "initdb $d ($PG_BIN)"
    rm -rf "$d"
    mkdir -p "$d"
    if is_root; then chown postgres:postgres "$d"; fi
    chmod 700 "$d"
    as_postgres "'$PG_BIN/initdb' -D '$d' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >'$d.initdb.log' 2>&1" \
      || { cat "$d.initdb.log" >&2 || true; die "initdb failed"; }
  fi
  log "starting Postgres on $PG_HOST:$port (data $d)"
  as_postgres "'$PG_BIN/pg_ctl' -D '$d' -o '-p $port -c listen_addresses=$PG_HOST -k $d' -l '$d/log' -w -t 60 start" \
    || { tail -n 30 "$d/log" >&2 || true; die "pg_ctl start failed"; }
  PG_STARTED_BY_US=1
}

stop_fallback_pg() {
  [[ "$PG_STARTED_BY_US" == 1 ]] || return 0
  if [[ "${CLINICFLOW_PG_KEEP:-0}" == 1 ]]; then
    log "leaving Postgres running on $PG_FALLBACK_PORT (CLINICFLOW_PG_KEEP=1); data in $PG_FALLBACK_DIR"
    return 0
  fi
  log "stopping the Postgres we started on $PG_FALLBACK_PORT and removing $PG_FALLBACK_DIR"
  as_postgres "'$PG_BIN/pg_ctl' -D '$PG_FALLBACK_DIR' -m fast -w stop" >/dev/null || warn "pg_ctl stop failed"
  rm -rf "$PG_FALLBACK_DIR" "$PG_FALLBACK_DIR.initdb.log"
  PG_STARTED_BY_US=0
}

# Sets PG_PORT to a Postgres that answers: the existing one, a fallback left running, or a new fallback.
ensure_postgres_server() {
  if pg_answers "$PG_PROBE_PORT"; then
    PG_PORT="$PG_PROBE_PORT"
    log "using the Postgres that answers on $PG_HOST:$PG_PORT"
  elif pg_answers "$PG_FALLBACK_PORT"; then
    PG_PORT="$PG_FALLBACK_PORT"
    log "nothing on $PG_PROBE_PORT; reusing the Postgres already running on $PG_HOST:$PG_PORT (not ours to stop)"
  else
    log "no Postgres on $PG_HOST:$PG_PROBE_PORT; starting our own"
    start_fallback_pg
    PG_PORT="$PG_FALLBACK_PORT"
  fi
  find_psql
  "$PSQL" -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -Atqc 'select version()' \
    || die "Postgres on $PG_HOST:$PG_PORT refused user postgres (this script expects trust auth; or set TEST_DATABASE_URL yourself)"
}

# Creates a fresh database for this run and exports TEST_DATABASE_URL. drop_test_db undoes it.
create_test_db() {
  TEST_DB_NAME="clinicflow_test_$(date +%Y%m%d%H%M%S)_$$"
  "$PSQL" -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qc "CREATE DATABASE \"$TEST_DB_NAME\""
  export TEST_DATABASE_URL="postgres://postgres@$PG_HOST:$PG_PORT/$TEST_DB_NAME"
  log "TEST_DATABASE_URL=$TEST_DATABASE_URL"
}

drop_test_db() {
  [[ -n "$TEST_DB_NAME" ]] || return 0
  if "$PSQL" -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qc \
    "DROP DATABASE IF EXISTS \"$TEST_DB_NAME\" WITH (FORCE)"; then
    log "dropped database $TEST_DB_NAME"
  else
    warn "could not drop database $TEST_DB_NAME"
  fi
  TEST_DB_NAME=""
}

# db_url_with_name URL NAME: the same server, user and parameters, another database.
db_url_with_name() {
  local url="$1" name="$2" query=""
  if [[ "$url" == *\?* ]]; then
    query="?${url#*\?}"
    url="${url%%\?*}"
  fi
  printf '%s/%s%s\n' "${url%/*}" "$name" "$query"
}

# create_sibling_db URL NAME: a fresh database NAME on the server of URL (connecting through URL); prints its URL.
# NOTE: `|| true` after find_psql: inside an EXIT trap its bare `return` reports the status of the command that
# failed before the trap, which errexit would take for its own failure.
create_sibling_db() {
  [[ -n "$PSQL" ]] || find_psql >&2 || true
  "$PSQL" "$1" -v ON_ERROR_STOP=1 -qc "CREATE DATABASE \"$2\"" >&2
  db_url_with_name "$1" "$2"
}

# drop_sibling_db URL NAME: undoes create_sibling_db (connections still open are ended).
drop_sibling_db() {
  [[ -n "$PSQL" ]] || find_psql || true
  if "$PSQL" "$1" -v ON_ERROR_STOP=1 -qc "DROP DATABASE IF EXISTS \"$2\" WITH (FORCE)"; then
    log "dropped database $2"
  else
    warn "could not drop database $2"
  fi
}

# Turbo flags: never a remote cache in CI, plain streamed output.
turbo_flags() {
  if [[ "${CI:-}" == "true" ]]; then
    printf '%s\n' --cache=local:rw --ui=stream --no-color
  fi
}
