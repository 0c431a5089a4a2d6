#!/usr/bin/env bash
# scripts/postgres.sh - run a private PostgreSQL cluster for local development and tests.
#
# Usage: scripts/postgres.sh start|stop|status|url
#
#   start   Install PostgreSQL from Debian packages if the server binaries are
#           missing, initialise a private cluster (owned by the `postgres` user)
#           in $PGDATA_DIR, start it on 127.0.0.1:$PGPORT, create the role
#           `campaign` (password `campaign`, SUPERUSER so the Django test runner
#           can create test databases) and the database `campaign`, then print
#           the DATABASE_URL. Safe to run repeatedly.
#   stop    Stop the cluster (pg_ctl stop -m fast) if it is running.
#   status  Print whether the cluster is running (exit 1 if not).
#   url     Print the DATABASE_URL only, e.g.
#             export DATABASE_URL="$(scripts/postgres.sh url)"
#
# Environment:
#   PGDATA_DIR  folder owned by this script (default /var/tmp/campaign-intranet-pg);
#               the cluster lives in $PGDATA_DIR/data, the server log in
#               $PGDATA_DIR/postgres.log, the Unix socket in $PGDATA_DIR
#   PGPORT      TCP port on 127.0.0.1 (default 25432)
#   PG_BIN      PostgreSQL bin dir (default: newest /usr/lib/postgresql/*/bin)
#
# Does not use systemd or the Debian "main" cluster. Must run as root (it
# switches to the `postgres` user with runuser) or as the `postgres` user.
#
# Exit codes: 0 ok, 1 failure / not running, 2 bad usage.
set -euo pipefail

PGDATA_DIR="${PGDATA_DIR:-/var/tmp/campaign-intranet-pg}"
# Below Linux's ephemeral range (32768-60999), which outgoing connections take their local ports from.
PGPORT="${PGPORT:-25432}"
PG_HOST=127.0.0.1
DB_NAME=campaign
DB_USER=campaign
DB_PASSWORD=campaign

DATA="$PGDATA_DIR/data"
LOGFILE="$PGDATA_DIR/postgres.log"
SOCKDIR="$PGDATA_DIR"
DATABASE_URL="postgres://${DB_USER}:${DB_PASSWORD}@${PG_HOST}:${PGPORT}/${DB_NAME}"

log() { echo "[postgres.sh] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

usage() {
    echo "Usage: $0 start|stop|status|url" >&2
    exit 2
}

find_pg_bin() {
    if [[ -n "${PG_BIN:-}" ]]; then
        [[ -x "$PG_BIN/postgres" ]] || die "PG_BIN=$PG_BIN has no postgres binary"
        echo "$PG_BIN"
        return 0
    fi
    local candidate
    candidate="$(ls -d /usr/lib/postgresql/*/bin/postgres 2>/dev/null | sort -V | tail -n 1 || true)"
    [[ -n "$candidate" ]] || return 1
    dirname "$candidate"
}

# Run a command as the postgres OS user.
as_pg() {
    if [[ "$(id -un)" == "postgres" ]]; then
        "$@"
    elif [[ "$EUID" -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        die "run this script as root (or as the postgres user)"
    fi
}

ensure_installed() {
    if find_pg_bin >/dev/null 2>&1; then
        return 0
    fi
    [[ "$EUID" -eq 0 ]] || die "PostgreSQL server is not installed and we are not root to install it"
    log "PostgreSQL server binaries not found; installing from Debian packages..."
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
    find_pg_bin >/dev/null 2>&1 || die "installation finished but no /usr/lib/postgresql/*/bin/postgres found"
}

is_running() {
    # pg_ctl status: 0 = running, 3 = not running, 4 = no/invalid data dir
    [[ -f "$DATA/PG_VERSION" ]] || return 1
    as_pg "$BIN/pg_ctl" status -D "$DATA" >/dev/null 2>&1
}

psql_admin() {
    as_pg "$BIN/psql" -X -v ON_ERROR_STOP=1 -h "$SOCKDIR" -p "$PGPORT" -U postgres -d postgres "$@"
}

cmd_start() {
    ensure_installed
    BIN="$(find_pg_bin)"
    id postgres >/dev/null 2>&1 || die "OS user 'postgres' does not exist (is the postgresql package installed correctly?)"

    mkdir -p "$PGDATA_DIR"
    if [[ "$EUID" -eq 0 ]]; then
        chown postgres:postgres "$PGDATA_DIR"
    fi
    chmod 700 "$PGDATA_DIR"

    if [[ ! -f "$DATA/PG_VERSION" ]]; then
        log "Initialising new cluster in $DATA (using $BIN)..."
        as_pg "$BIN/initdb" -D "$DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
            --auth-local=peer --auth-host=scram-sha-256 >/dev/null
    else
        local have want
        have="$(cat "$DATA/PG_VERSION")"
        want="$("$BIN/postgres" --version | awk '{print $3}' | cut -d. -f1)"
        [[ "$have" == "$want" ]] || die "cluster in $DATA is version $have but server binaries are $want; remove $PGDATA_DIR to recreate"
        log "Reusing existing cluster in $DATA"
    fi

    if is_running; then
        log "Cluster already running (data dir $DATA)"
    else
        if "$BIN/pg_isready" -q -h "$PG_HOST" -p "$PGPORT" 2>/dev/null; then
            die "something else is already listening on $PG_HOST:$PGPORT; set PGPORT to another port"
        fi
        log "Starting PostgreSQL on $PG_HOST:$PGPORT (log: $LOGFILE)..."
        if ! as_pg "$BIN/pg_ctl" start -D "$DATA" -l "$LOGFILE" -w -t 60 \
            -o "-c listen_addresses=$PG_HOST -c port=$PGPORT -c unix_socket_directories=$SOCKDIR" >/dev/null; then
            log "pg_ctl start failed; last lines of $LOGFILE:"
            tail -n 20 "$LOGFILE" >&2 || true
            exit 1
        fi
    fi

    # Wait until it accepts connections on TCP and on the socket.
    local i
    for i in $(seq 1 60); do
        if "$BIN/pg_isready" -q -h "$PG_HOST" -p "$PGPORT" && "$BIN/pg_isready" -q -h "$SOCKDIR" -p "$PGPORT"; then
            break
        fi
        [[ "$i" -lt 60 ]] || die "PostgreSQL did not accept connections within 60 s (see $LOGFILE)"
        sleep 1
    done

    if [[ "$(psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER'")" != "1" ]]; then
        log "Creating role $DB_USER (SUPERUSER, so tests can create databases)..."
        psql_admin -q -c "CREATE ROLE $DB_USER LOGIN SUPERUSER PASSWORD '$DB_PASSWORD'"
    else
        log "Role $DB_USER exists"
    fi
    if [[ "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" != "1" ]]; then
        log "Creating database $DB_NAME..."
        psql_admin -q -c "CREATE DATABASE $DB_NAME OWNER $DB_USER ENCODING 'UTF8' TEMPLATE template0"
    else
        log "Database $DB_NAME exists"
    fi

    log "PostgreSQL is ready. DATABASE_URL:"
    echo "$DATABASE_URL"
}

cmd_stop() {
    local bin
    if ! bin="$(find_pg_bin 2>/dev/null)"; then
        log "PostgreSQL is not installed; nothing to stop"
        return 0
    fi
    BIN="$bin"
    if is_running; then
        log "Stopping PostgreSQL (data dir $DATA)..."
        as_pg "$BIN/pg_ctl" stop -D "$DATA" -m fast -w -t 60 >/dev/null
        log "Stopped"
    else
        log "PostgreSQL (data dir $DATA) is not running"
    fi
}

cmd_status() {
    local bin
    if bin="$(find_pg_bin 2>/dev/null)"; then
        BIN="$bin"
        if is_running; then
            echo "running: $DATABASE_URL"
            return 0
        fi
    fi
    echo "not running"
    return 1
}

[[ $# -eq 1 ]] || usage
case "$1" in
    start | stop | status) "cmd_$1" ;;
    url) echo "$DATABASE_URL" ;;
    *) usage ;;
esac
