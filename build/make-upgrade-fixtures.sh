#!/usr/bin/env bash
# Makes the upgrade fixtures: a database written by the code of the commit checked out, holding partners, deals of
# every kind, running instances with open tasks (some accepted, one nested), claims with plan items and instructions
# in execute and in verify. The upgrade tests open them with the current build and check nothing is lost.
#
#   build/make-upgrade-fixtures.sh <out-folder> <name> [sqlite|postgres|both]
#
# SQLite: <out-folder>/<name>.db (WAL checkpointed into the file). PostgreSQL: <out-folder>/<name>.sql, a plain pg_dump
# of INSERTs (the tests run it as one script, no psql needed) without owners or privileges; needs CRMBPM_TEST_POSTGRES
# (see build/postgres.sh). Run it on a checkout of the commit the fixture is to represent: the fixtures of schema
# version N are made once, from a commit whose schema is N, and kept.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT="${1:?usage: $0 <out-folder> <name> [sqlite|postgres|both]}"
NAME="${2:?usage: $0 <out-folder> <name> [sqlite|postgres|both]}"
WHICH="${3:-both}"
PORT="${CRMBPM_FIXTURE_PORT:-5391}"
URL="http://127.0.0.1:$PORT"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"

say() { echo "make-upgrade-fixtures: $*" >&2; }

dotnet build src/CrmBpm.Server -c Release -nologo -v quiet >&2
SERVER_DLL="$PWD/src/CrmBpm.Server/bin/Release/net10.0/CrmBpm.Server.dll"

server_pid=""
start_server() { # start_server <provider> <connection string>
    ASPNETCORE_ENVIRONMENT=Development Urls="$URL" Database__Provider="$1" ConnectionStrings__CrmBpm="$2" Demo__Seed=true \
        dotnet "$SERVER_DLL" --contentRoot "$PWD/src/CrmBpm.Server" >"$OUT/server.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 120); do
        if curl -sf -o /dev/null "$URL/openapi/v1.json"; then return 0; fi
        sleep 1
    done
    say "the server did not start; see $OUT/server.log"; exit 1
}

stop_server() {
    if [[ -n "$server_pid" ]]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
        server_pid=""
    fi
    rm -f "$OUT/server.log"
}
trap stop_server EXIT

token() { # token <user> <password>
    curl -sf -X POST "$URL/api/auth/token" -H 'Content-Type: application/json' \
        -d "{\"userName\":\"$1\",\"password\":\"$2\"}" | jq -r .accessToken
}

call() { # call <token> <method> <path> [json body]
    local args=(-sf -X "$2" "$URL$3" -H "Authorization: Bearer $1")
    if [[ $# -ge 4 ]]; then args+=(-H 'Content-Type: application/json' -d "$4"); fi
    curl "${args[@]}" || { say "$2 $3 failed"; curl -s -X "$2" "$URL$3" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' ${4:+-d "$4"} >&2; exit 1; }
}

open_task_of() { # open_task_of <token> <instance id>: the id of its first active task
    call "$1" GET "/api/instances/$2/tasks" | jq -r '[.items[] | select(.status == "Open" or .status == "Accepted")][0].id'
}

# What the demo seed leaves (two Typical sales, one accepted; manual-stage, won, lost and non-process deals; a claim with
# two plan items; an instruction in execution), plus more of every kind of running work.
drive() {
    local anna boris helga due
    anna="$(token anna manager1)"; boris="$(token boris manager2)"; helga="$(token helga head1234)"
    due="$(date -u -d '+30 days' +%Y-%m-%dT%H:%M:%SZ)"

    local acme baltic romashka
    acme="$(call "$anna" GET '/api/partners?search=Acme' | jq -r '.items[0].id')"
    baltic="$(call "$boris" GET '/api/partners?search=Baltic' | jq -r '.items[0].id')"
    romashka="$(call "$anna" GET '/api/partners?search=Romashka' | jq -r '.items[0].id')"

    # A partner registered through the API, with a contact.
    local solaris
    solaris="$(call "$boris" POST /api/partners '{"name":"Solaris Energie","phone":"+49 40 5556677","email":"info@solaris.example","legalName":"Solaris Energie GmbH","taxId":"DE987654321"}' | jq -r .id)"
    call "$boris" POST "/api/partners/$solaris/contacts" '{"name":"Lena Vogt","email":"lena.vogt@solaris.example","position":"COO"}' >/dev/null

    # A Typical sale of boris's with its first task open and not taken.
    call "$boris" POST /api/deals "{\"title\":\"Baltic Timber: yard tracking\",\"partnerId\":\"$baltic\",\"kind\":\"ProcessControlled\",\"routeMapKey\":\"typical-sale\",\"potentialAmount\":30000}" >/dev/null

    # A non-process deal closed as won, a manual-stage deal of solaris's.
    local quick
    quick="$(call "$boris" POST /api/deals "{\"title\":\"Solaris: route planning pilot\",\"partnerId\":\"$solaris\",\"kind\":\"NonProcess\",\"potentialAmount\":4000}" | jq -r .id)"
    call "$boris" POST "/api/deals/$quick/win" '{"details":"Paid up front."}' >/dev/null
    call "$boris" POST /api/deals "{\"title\":\"Solaris: installer app\",\"partnerId\":\"$solaris\",\"kind\":\"ManualStages\",\"stage\":\"Proposal\",\"potentialAmount\":22000}" >/dev/null

    # Customer onboarding: data collected, so the nested KYC check waits on a Compliance officer task (helga's pool).
    local onboarding
    onboarding="$(call "$anna" POST /api/instances "{\"mapKey\":\"customer-onboarding\",\"subjectType\":\"partner\",\"subjectId\":\"$acme\",\"businessKey\":\"onboarding-acme\"}" | jq -r .id)"
    call "$anna" POST "/api/tasks/$(open_task_of "$anna" "$onboarding")/complete" '{"variables":{"companyName":"Acme Supplies","taxId":"GB123456789"}}' >/dev/null

    # A second claim, one plan item done, one open and accepted.
    local claim items
    claim="$(call "$anna" POST /api/claims "{\"partnerId\":\"$romashka\",\"reason\":\"Billing error\",\"department\":\"Service\",\"responsibleId\":\"helga\",\"description\":\"Two licences were activated twice.\",\"plan\":[{\"title\":\"Refund the second activation\",\"performerId\":\"anna\",\"deadline\":\"$due\"},{\"title\":\"Explain the activation flow\",\"performerId\":\"anna\",\"deadline\":\"$due\"}]}" | jq -r .id)"
    items="$(call "$anna" GET "/api/claims/$claim" | jq -r '.planItems[].taskId')"
    local first second
    first="$(echo "$items" | sed -n 1p)"; second="$(echo "$items" | sed -n 2p)"
    call "$anna" POST "/api/tasks/$first/complete" '{}' >/dev/null
    call "$anna" POST "/api/tasks/$second/accept" >/dev/null

    # Instructions: one to boris taken and reported (now helga verifies), one to boris not yet taken.
    local reviewed waiting
    reviewed="$(call "$helga" POST /api/instructions "{\"title\":\"Check the Baltic contract draft\",\"description\":\"Payment terms and penalties.\",\"performerId\":\"boris\",\"dueAt\":\"$due\"}" | jq -r .id)"
    call "$boris" POST "/api/instructions/$reviewed/accept" >/dev/null
    call "$boris" POST "/api/instructions/$reviewed/report" '{"report":"Penalties capped at 5 %."}' >/dev/null
    waiting="$(call "$anna" POST /api/instructions "{\"title\":\"Send Solaris the price list\",\"description\":\"The 2025 list.\",\"performerId\":\"boris\",\"dueAt\":\"$due\"}" | jq -r .id)"
    echo "$waiting" >/dev/null

    say "driven: $(call "$helga" GET "/api/tasks?scope=Team&pageSize=100" | jq -r .total) open tasks in the team"
}

if [[ "$WHICH" == sqlite || "$WHICH" == both ]]; then
    db="$OUT/$NAME.db"
    rm -f "$db" "$db-wal" "$db-shm"
    say "SQLite: $db"
    start_server Sqlite "Data Source=$db"
    drive
    stop_server
    sqlite3 "$db" 'PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE; VACUUM;' >/dev/null
    rm -f "$db-wal" "$db-shm"
fi

if [[ "$WHICH" == postgres || "$WHICH" == both ]]; then
    admin="${CRMBPM_TEST_POSTGRES:?set CRMBPM_TEST_POSTGRES (build/postgres.sh start prints it)}"
    host="$(echo "$admin" | tr ';' '\n' | sed -n 's/^Host=//p')"; port="$(echo "$admin" | tr ';' '\n' | sed -n 's/^Port=//p')"
    user="$(echo "$admin" | tr ';' '\n' | sed -n 's/^Username=//p')"
    name="crmbpm_fixture_$$"
    psql() { command psql -q -h "$host" -p "$port" -U "$user" "$@"; }
    psql -d postgres -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" -c "CREATE DATABASE $name" >/dev/null
    say "PostgreSQL: $OUT/$NAME.sql"
    start_server PostgreSql "Host=$host;Port=$port;Username=$user;Database=$name"
    drive
    stop_server
    pg_dump -h "$host" -p "$port" -U "$user" --no-owner --no-privileges --format=plain --inserts --rows-per-insert=100 "$name" \
        | grep -v '^-- Dumped \(from\|by\)' | grep -v '^\\\(un\)\?restrict ' >"$OUT/$NAME.sql"
    psql -d postgres -c "DROP DATABASE $name WITH (FORCE)" >/dev/null
fi
say "done"
