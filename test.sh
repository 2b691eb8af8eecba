#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine: installs what is missing, starts a throw-away
# PostgreSQL cluster so the store suites also run on PostgreSQL, runs the embedding sample against freshly packed
# packages (counted as one test), and ends with one summary line "N passed, N failed, N skipped" summed over all of it.
set -uo pipefail
cd "$(dirname "$0")"

log() { printf '\n== %s\n' "$*"; }

apt_updated=""
need_apt() { # need_apt <command> <package>
  command -v "$1" >/dev/null 2>&1 && return 0
  if [ -z "$apt_updated" ]; then apt-get update -qq >/dev/null 2>&1 || true; apt_updated=1; fi
  log "installing $2"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
}

# The designer: npm restores bpmn-js during the build; its browser tests drive Debian's chromium (Playwright
# cannot download browsers here) and fail, saying so, when it is missing.
need_apt node nodejs
need_apt npm npm
need_apt chromium chromium

# build/postgres.sh installs Debian's postgresql when it is missing, then starts a throw-away cluster
# (port CRMBPM_PG_PORT, default 25432).
log "starting PostgreSQL"
if pg_conn=$(bash build/postgres.sh start); then
  export CRMBPM_TEST_POSTGRES="$pg_conn"
  trap 'bash build/postgres.sh stop >/dev/null 2>&1' EXIT
else
  echo "PostgreSQL could not be started; the PostgreSQL suites will fail." >&2
  export CRMBPM_TEST_POSTGRES="Host=127.0.0.1;Port=${CRMBPM_PG_PORT:-25432};Username=postgres;Database=postgres"
fi

log "building"
dotnet build CrmBpm.sln -c Release -nologo -v quiet || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }

log "testing"
out=$(mktemp)
dotnet test CrmBpm.sln -c Release --no-build -nologo 2>&1 | tee "$out"
status=${PIPESTATUS[0]}

# Each test assembly prints "Passed!  - Failed: F, Passed: P, Skipped: S, Total: T" (or "Failed!  - ...").
read -r passed failed skipped < <(grep -E '(Passed|Failed)!  - Failed:' "$out" |
  sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' |
  awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
rm -f "$out"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi

# The packages as an application sees them: pack, restore from a local folder, build and run the sample (one test).
log "embedding sample (packed packages)"
if bash build/embedding-sample.sh; then
  passed=$((passed + 1))
else
  echo "embedding sample: FAILED" >&2
  failed=$((failed + 1))
fi
echo
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
