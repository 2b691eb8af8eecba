#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests, from Debian's postgresql package.
#
#   export CRMBPM_TEST_POSTGRES="$(build/postgres.sh start)"   # create if missing, start, print the connection string
#   build/postgres.sh status
#   build/postgres.sh stop
#
# The cluster listens on 127.0.0.1:${CRMBPM_PG_PORT:-25432} with trust authentication (tests only, never exposed); the
# port is below Linux's ephemeral range (32768-60999), where any outgoing connection of a test host or the browser may
# hold it at the moment the cluster starts. It keeps its data in ${CRMBPM_PG_DATA:-/tmp/crmbpm-pgdata-<port>} and runs
# as the `postgres` user when started by root (initdb and the server refuse to run as root). Every command is
# idempotent. Messages go to stderr; stdout carries only the connection string.
set -euo pipefail

PORT="${CRMBPM_PG_PORT:-25432}"
DATA_DIR="${CRMBPM_PG_DATA:-/tmp/crmbpm-pgdata-$PORT}"
LOG_FILE="$DATA_DIR/server.log"
CONNECTION_STRING="Host=127.0.0.1;Port=$PORT;Username=postgres;Database=postgres"

say() { echo "postgres.sh: $*" >&2; }

pg_bin() {
    local bin
    bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [[ -z "$bin" || ! -x "$bin/pg_ctl" ]]; then
        say "PostgreSQL binaries not found; installing Debian's postgresql package"
        if [[ "$(id -u)" -ne 0 ]]; then
            say "installing needs root: run 'apt-get install -y postgresql' first"
            exit 1
        fi
        apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
        bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
    fi
    echo "$bin"
}

# Runs a command as the cluster owner: `postgres` when we are root, else ourselves.
as_owner() {
    if [[ "$(id -u)" -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

is_running() {
    [[ -f "$DATA_DIR/PG_VERSION" ]] && as_owner "$BIN/pg_ctl" -D "$DATA_DIR" status >/dev/null 2>&1
}

start() {
    if [[ ! -f "$DATA_DIR/PG_VERSION" ]]; then
        say "creating a cluster in $DATA_DIR"
        mkdir -p "$DATA_DIR"
        if [[ "$(id -u)" -eq 0 ]]; then
            chown postgres:postgres "$DATA_DIR"
        fi
        chmod 700 "$DATA_DIR"
        as_owner "$BIN/initdb" -D "$DATA_DIR" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    fi

    if is_running; then
        say "already running on port $PORT"
    else
        say "starting on 127.0.0.1:$PORT (log: $LOG_FILE)"
        if ! as_owner "$BIN/pg_ctl" -D "$DATA_DIR" -l "$LOG_FILE" -w -t 60 \
            -o "-p $PORT -c listen_addresses=127.0.0.1 -k /tmp -c fsync=off -c max_connections=200" start >/dev/null; then
            say "the server did not start: $(grep -E 'FATAL|could not' "$LOG_FILE" | tail -n 2 | tr '\n' ' ')"
            exit 1
        fi
    fi

    for _ in $(seq 1 60); do
        if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
            echo "$CONNECTION_STRING"
            return 0
        fi
        sleep 1
    done

    say "the server did not become ready; see $LOG_FILE"
    exit 1
}

stop() {
    if is_running; then
        as_owner "$BIN/pg_ctl" -D "$DATA_DIR" -m fast -w stop >/dev/null
        say "stopped"
    else
        say "not running"
    fi
}

status() {
    if is_running; then
        say "running on port $PORT"
        echo "$CONNECTION_STRING"
    else
        say "not running"
        return 3
    fi
}

BIN="$(pg_bin)"
case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    *) say "usage: $0 start|stop|status"; exit 2 ;;
esac
