# Sourced: sets PGHOST/PGPORT/PGUSER to a PostgreSQL server that answers, starting a
# private cluster under var/pg when no server is given or found. Never uses role postgres.
KEPOS_PG_PRIVATE_PORT=${KEPOS_PG_PRIVATE_PORT:-5439}
KEPOS_PGDATA="$KEPOS_VAR/pg/data"

_pg_answers() { pg_isready -q -h "$1" -p "$2" -t 3 2>/dev/null; }

_pg_bindir() {
    local d
    for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && { echo "$d"; return; }; done
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        log "installing Debian's postgresql binaries for a private cluster"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
        for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && { echo "$d"; return; }; done
    fi
    log "no PostgreSQL server and no initdb: install postgresql or set PGHOST/PGPORT/PGUSER"; return 1
}

# initdb refuses to run as root: the cluster then belongs to an unprivileged system user.
_pg_as() {
    if [ "$(id -u)" = 0 ]; then
        id kepos-pg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin kepos-pg
        chown -R kepos-pg "$KEPOS_VAR/pg"
        runuser -u kepos-pg -- "$@"
    else
        "$@"
    fi
}

_pg_private() {
    local bin; bin=$(_pg_bindir)
    mkdir -p "$KEPOS_VAR/pg"
    if [ ! -f "$KEPOS_PGDATA/PG_VERSION" ]; then
        log "initialising a private PostgreSQL cluster in $KEPOS_PGDATA (role kepos)"
        _pg_as "$bin/initdb" -D "$KEPOS_PGDATA" -U kepos --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! _pg_answers 127.0.0.1 "$KEPOS_PG_PRIVATE_PORT"; then
        log "starting the private cluster on 127.0.0.1:$KEPOS_PG_PRIVATE_PORT"
        _pg_as "$bin/pg_ctl" -D "$KEPOS_PGDATA" -l "$KEPOS_VAR/pg/server.log" -w \
            -o "-p $KEPOS_PG_PRIVATE_PORT -k $KEPOS_VAR/pg -c listen_addresses=127.0.0.1" start >/dev/null
    fi
    export PGHOST=127.0.0.1 PGPORT=$KEPOS_PG_PRIVATE_PORT PGUSER=kepos
}

kepos_pg() {
    if [ -n "${PGHOST:-}" ]; then
        export PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-$(id -un)}
    elif [ "${KEPOS_PG_PRIVATE:-0}" != 1 ] && _pg_answers 127.0.0.1 5432; then
        export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=${PGUSER:-$(id -un)}
    else
        _pg_private
    fi
    [ "$PGUSER" = postgres ] && { log "refusing to use the postgres role: set PGUSER"; return 1; }
    _pg_answers "$PGHOST" "$PGPORT" || { log "PostgreSQL at $PGHOST:$PGPORT does not answer"; return 1; }
    log "PostgreSQL: $PGUSER@$PGHOST:$PGPORT"
}

db_exists() { [ "$(psql -d postgres -XtAc "SELECT 1 FROM pg_database WHERE datname='$1'")" = 1 ]; }

# Stops the private cluster if it runs (tests, clean-ups).
kepos_pg_stop() {
    [ -f "$KEPOS_PGDATA/postmaster.pid" ] || return 0
    _pg_as "$(_pg_bindir)/pg_ctl" -D "$KEPOS_PGDATA" -m fast -w stop >/dev/null
}
