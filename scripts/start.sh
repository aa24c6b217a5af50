#!/usr/bin/env bash
# THE start command: install, build, then run the server (one process) on PORT (default 3000).
# The server keeps its embedded PGlite database under apps/server/data and seeds a demo clinic on first start;
# set DATABASE_URL to use a real Postgres instead (see docs/README-ops.md).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/lib.sh
source "$ROOT/scripts/lib.sh"
cd "$ROOT"
export TURBO_TELEMETRY_DISABLED=1 TURBO_NO_UPDATE_NOTIFIER=1

section "pnpm $PNPM_VERSION"
ensure_pnpm

section "pnpm install --frozen-lockfile"
pnpm_install

section "build"
mapfile -t TURBO_FLAGS < <(turbo_flags)
pnpm turbo run build "${TURBO_FLAGS[@]}" --output-logs=errors-only

PORT="${PORT:-3000}"
export PORT
section "starting the server on port $PORT"
log "  kiosk:     http://localhost:$PORT/kiosk/"
log "  console:   http://localhost:$PORT/console/"
log "  wallboard: http://localhost:$PORT/wallboard/"
if [[ -n "${DATABASE_URL:-}" ]]; then
  log "  database:  Postgres from DATABASE_URL"
else
  log "  database:  embedded PGlite in ${DATA_DIR:-./data/pglite} (relative to apps/server)"
fi
# Same as `pnpm --filter @clinicflow/server start`, minus the pnpm wrapper: measured here, SIGTERM to pnpm 12
# exits pnpm and orphans the server. Exec'ing node leaves one PID that receives the signals itself.
cd "$ROOT/apps/server"
exec node --import tsx src/main.ts
