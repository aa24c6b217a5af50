#!/usr/bin/env bash
# THE test command (README and CI): bash scripts/test.sh [--only=a,b] [--skip=a,b] [--list]
# Stages: pnpm install chromium postgres check drift build test audit e2e
# Ends with one line "N passed, M failed" counting stages; exits non-zero when any stage failed.
# Env: CI=true (no remote cache, plain output, Playwright retries 1 and fails on flaky); TEST_DATABASE_URL (use this database
# instead of creating one); CLINICFLOW_PG_PROBE_PORT / CLINICFLOW_PG_FALLBACK_PORT / CLINICFLOW_PG_DIR /
# CLINICFLOW_PG_KEEP=1 (see scripts/lib.sh); CLINICFLOW_AUDIT_STRICT=1 (an unreachable audit endpoint fails).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/lib.sh
source "$ROOT/scripts/lib.sh"
cd "$ROOT"

ALL_STAGES=(pnpm install chromium postgres check drift build test audit e2e)
FATAL_STAGES=" pnpm install " # nothing after these can work
RC_WARN=75                    # a stage that could not verify anything, through no fault of the code

usage() { sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; }

ONLY="" SKIP=""
for arg in "$@"; do
  case "$arg" in
    --only=*) ONLY="${arg#--only=}" ;;
    --skip=*) SKIP="${arg#--skip=}" ;;
    --list) printf '%s\n' "${ALL_STAGES[@]}"; exit 0 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $arg" ;;
  esac
done
for s in ${ONLY//,/ } ${SKIP//,/ }; do
  [[ " ${ALL_STAGES[*]} " == *" $s "* ]] || die "unknown stage '$s' (stages: ${ALL_STAGES[*]})"
done
# Stages that need another one's result pull it in when run alone.
if [[ -n "$ONLY" ]]; then
  if [[ ",$ONLY," == *,test,* && ",$ONLY," != *,postgres,* && -z "${TEST_DATABASE_URL:-}" ]]; then ONLY="$ONLY,postgres"; fi
  if [[ ",$ONLY," == *,e2e,* && ",$ONLY," != *,chromium,* ]]; then ONLY="$ONLY,chromium"; fi
  if [[ ",$ONLY," == *,e2e,* && ",$ONLY," != *,postgres,* && -z "${TEST_DATABASE_URL:-}" ]]; then ONLY="$ONLY,postgres"; fi
fi
selected() {
  [[ ",$SKIP," != *",$1,"* ]] && { [[ -z "$ONLY" ]] || [[ ",$ONLY," == *",$1,"* ]]; }
}

export TURBO_TELEMETRY_DISABLED=1 TURBO_NO_UPDATE_NOTIFIER=1 NEXT_TELEMETRY_DISABLED=1
mapfile -t TURBO_FLAGS < <(turbo_flags)
STATE_FILE="$(mktemp /tmp/clinicflow-test-state.XXXXXX)"
PASSED=() FAILED=() WARNED=() NOT_RUN=()
CURRENT_STAGE=""
CF_TEST_DATABASE_URL="${TEST_DATABASE_URL:-}"

# ---------- stages (each runs in a subshell with errexit on) ----------

stage_pnpm() { ensure_pnpm; }

stage_install() { pnpm_install; }

stage_chromium() { ensure_chromium; ensure_pdf_tools; }

stage_postgres() {
  if [[ -n "${TEST_DATABASE_URL:-}" ]]; then
    log "TEST_DATABASE_URL is set by the caller; using it as is (not created, not dropped)"
    return 0
  fi
  # Hand the state to the parent even when this fails half-way, so the exit trap can clean up.
  trap 'declare -p PG_PORT PG_BIN PSQL PG_STARTED_BY_US TEST_DB_NAME > "$STATE_FILE"' EXIT
  ensure_postgres_server
  create_test_db
  printf 'CF_TEST_DATABASE_URL=%q\n' "$TEST_DATABASE_URL" >> "$STATE_FILE.url"
}

stage_check() {
  pnpm run --silent format:check
  pnpm turbo run check "${TURBO_FLAGS[@]}" --continue=dependencies-successful --output-logs=errors-only
}

# Schema and committed migrations must agree: generating from the schema must produce nothing new.
stage_drift() {
  local dir="packages/db/migrations" backup rc=0
  backup="$(mktemp -d /tmp/clinicflow-migrations.XXXXXX)"
  # shellcheck disable=SC2064
  trap "rm -rf '$backup'" EXIT
  [[ -d "$dir" ]] && cp -a "$dir" "$backup/before"
  local git_before git_after
  git_before="$(git status --porcelain --untracked-files=all -- "$dir")"
  timeout 300 pnpm --filter @clinicflow/db exec drizzle-kit generate </dev/null || rc=$?
  git_after="$(git status --porcelain --untracked-files=all -- "$dir")"
  local changed=0
  if [[ -d "$backup/before" || -d "$dir" ]]; then
    diff -r "${backup}/before" "$dir" >/dev/null 2>&1 || changed=1
  fi
  [[ "$git_before" == "$git_after" ]] || changed=1
  if [[ "$changed" == 1 ]]; then
    err "drizzle-kit generate changed $dir: the schema has changes without a committed migration."
    git diff --no-index --stat -- "${backup}/before" "$dir" 2>/dev/null || true
    printf '%s\n' "$git_after" | sed 's/^/  git: /'
    find "$dir" -maxdepth 1 -name '*.sql' -newer "$backup" -print -exec head -n 40 {} \; 2>/dev/null || true
    log "Run 'pnpm db:generate' and commit the migration. Restoring $dir as it was."
    # Put the folder back exactly as it was (generated files removed, edited ones restored).
    if [[ -d "$backup/before" ]]; then
      (cd "$dir" && find . -type f) | while read -r f; do
        [[ -e "$backup/before/$f" ]] || rm -f "$dir/$f"
      done
      cp -a "$backup/before/." "$dir/"
      find "$dir" -mindepth 1 -type d -empty -delete
    else
      rm -rf "$dir"
    fi
    return 1
  fi
  [[ "$rc" == 0 ]] || die "drizzle-kit generate failed (exit $rc)"
  log "schema and $dir agree"
}

stage_build() {
  pnpm turbo run build "${TURBO_FLAGS[@]}" --output-logs=errors-only
}

stage_test() {
  export TEST_DATABASE_URL="$CF_TEST_DATABASE_URL"
  [[ -n "$TEST_DATABASE_URL" ]] || die "TEST_DATABASE_URL is empty (the postgres stage failed or was skipped)"
  pnpm turbo run test "${TURBO_FLAGS[@]}" --continue=dependencies-successful --output-logs=full
}

stage_audit() {
  local out rc=0
  out="$(pnpm audit --prod --audit-level high 2>&1)" || rc=$?
  printf '%s\n' "$out"
  [[ "$rc" == 0 ]] && return 0
  if grep -qE 'ERR_PNPM_AUDIT_BAD_RESPONSE|ERR_PNPM_AUDIT_ENDPOINT|ERR_PNPM_META_FETCH|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|fetch failed|socket hang up' <<<"$out"; then
    if [[ "${CLINICFLOW_AUDIT_STRICT:-0}" == 1 ]]; then
      err "the audit endpoint is unreachable and CLINICFLOW_AUDIT_STRICT=1"
      return 1
    fi
    warn "the registry's audit endpoint is unreachable from here: dependencies were NOT audited (not counted as passed)"
    return "$RC_WARN"
  fi
  err "pnpm audit found high or critical advisories in production dependencies"
  return 1
}

# The suite twice, in one Playwright run with a project (and a server) per database: on a fresh embedded PGlite,
# and on a fresh Postgres database created beside TEST_DATABASE_URL (the postgres stage's server), dropped
# afterwards whatever happens. Tests tagged @one-db run on PGlite only (see playwright.config.ts).
stage_e2e() {
  # Not local: the EXIT trap runs after this function has returned (the stage's subshell exits then).
  E2E_RUN_DIR="$(mktemp -d /tmp/clinicflow-e2e.XXXXXX)" E2E_DB="" E2E_BESIDE="$CF_TEST_DATABASE_URL"
  local e2e_url=""
  # shellcheck disable=SC2317 # called by the trap
  e2e_cleanup() {
    if [[ -n "$E2E_DB" ]]; then drop_sibling_db "$E2E_BESIDE" "$E2E_DB"; fi
    rm -rf "$E2E_RUN_DIR"
  }
  trap e2e_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  if [[ -n "$E2E_BESIDE" ]]; then
    find_psql # here, not in the command substitution below (its result would stay there)
    E2E_DB="clinicflow_e2e_$(date +%Y%m%d%H%M%S)_$$"
    e2e_url="$(create_sibling_db "$E2E_BESIDE" "$E2E_DB")"
    log "e2e on PGlite and on Postgres (database $E2E_DB)"
  elif [[ "${CI:-}" == "true" ]]; then
    die "no Postgres for the e2e run on Postgres (the postgres stage failed or was skipped)"
  else
    warn "no Postgres (the postgres stage was skipped): e2e on PGlite only"
  fi
  # The PGlite server's data and the run's bookkeeping live in the run dir (removed by e2e_cleanup).
  CLINICFLOW_E2E_RUN_DIR="$E2E_RUN_DIR" E2E_DATABASE_URL="$e2e_url" pnpm exec playwright test
}

# ---------- runner ----------

on_exit() {
  local rc=$?
  trap - EXIT INT TERM
  set +e
  # The postgres stage's state, so that what it created is removed even after a failure.
  [[ -s "$STATE_FILE" ]] && source "$STATE_FILE"
  if [[ -n "$TEST_DB_NAME" || "$PG_STARTED_BY_US" == 1 ]]; then
    section "cleanup"
    drop_test_db
    stop_fallback_pg
  fi
  rm -f "$STATE_FILE" "$STATE_FILE.url"
  if [[ -n "$CURRENT_STAGE" ]]; then
    FAILED+=("$CURRENT_STAGE(interrupted)")
  elif [[ "$rc" != 0 && ${#FAILED[@]} -eq 0 ]]; then
    FAILED+=("test.sh(exit $rc)")
  fi
  section "summary"
  [[ ${#PASSED[@]} -gt 0 ]] && log "passed:  ${PASSED[*]}"
  [[ ${#WARNED[@]} -gt 0 ]] && log "warning: ${WARNED[*]} (could not verify; not counted)"
  [[ ${#FAILED[@]} -gt 0 ]] && log "failed:  ${FAILED[*]}"
  [[ ${#NOT_RUN[@]} -gt 0 ]] && log "not run: ${NOT_RUN[*]}"
  log "stages: ${#PASSED[@]} passed, ${#FAILED[@]} failed"
  [[ ${#FAILED[@]} -eq 0 ]] && exit "$rc"
  exit 1
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

section "Clinicflow tests in $ROOT (CI=${CI:-false}, stages: ${ONLY:-all}${SKIP:+, skipping $SKIP})"

for i in "${!ALL_STAGES[@]}"; do
  name="${ALL_STAGES[$i]}"
  selected "$name" || continue
  section "[$name]"
  started=$SECONDS
  CURRENT_STAGE="$name"
  set +e
  (
    set -e
    "stage_$name"
  )
  rc=$?
  set -e
  CURRENT_STAGE=""
  [[ -s "$STATE_FILE.url" ]] && source "$STATE_FILE.url"
  took="$((SECONDS - started))s"
  if [[ "$rc" == 0 ]]; then
    PASSED+=("$name")
    log "${C_GREEN}[$name] passed${C_RESET} ($took)"
  elif [[ "$rc" == "$RC_WARN" ]]; then
    WARNED+=("$name")
    log "${C_YELLOW}[$name] not verified${C_RESET} ($took)"
  else
    FAILED+=("$name")
    log "${C_RED}[$name] FAILED${C_RESET} (exit $rc, $took)"
    if [[ "$FATAL_STAGES" == *" $name "* ]]; then
      for later in "${ALL_STAGES[@]:$((i + 1))}"; do selected "$later" && NOT_RUN+=("$later"); done
      exit 1
    fi
  fi
done
