# Sourced: sets PGHOST/PGPORT/PGUSER to a PostgreSQL server that answers, starting a
# private cluster when no server is given or found. Never uses role postgres.
KEPOS_PG_PRIVATE_PORT=${KEPOS_PG_PRIVATE_PORT:-5439}
# Where the private cluster lives. As root, initdb must run as an unprivileged user, who
# may not reach a checkout under a private directory (/root is mode 700): the cluster
# then lives under /var/lib/kepos-pg, one folder per checkout's var/.
if [ -z "${KEPOS_PG_DIR:-}" ]; then
    if [ "$(id -u)" = 0 ]; then
        KEPOS_PG_DIR=/var/lib/kepos-pg/$(printf '%s' "$KEPOS_VAR" | sha1sum | cut -c1-10)
    else
        KEPOS_PG_DIR=$KEPOS_VAR/pg
    fi
fi
KEPOS_PGDATA="$KEPOS_PG_DIR/data"

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
        chown -R kepos-pg "$KEPOS_PG_DIR"
        chmod 700 "$KEPOS_PG_DIR"
        runuser -u kepos-pg -- "$@"
    else
        "$@"
    fi
}

_pg_private() {
    local bin; bin=$(_pg_bindir)
    # Its owner must be able to walk down to it, whatever the umask.
    [ "$(id -u)" = 0 ] && install -d -m 755 "$(dirname "$KEPOS_PG_DIR")"
    mkdir -p "$KEPOS_PG_DIR"
    if [ ! -f "$KEPOS_PGDATA/PG_VERSION" ]; then
        log "initialising a private PostgreSQL cluster in $KEPOS_PGDATA (role kepos)"
        _pg_as "$bin/initdb" -D "$KEPOS_PGDATA" -U kepos --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! _pg_answers 127.0.0.1 "$KEPOS_PG_PRIVATE_PORT"; then
        log "starting the private cluster on 127.0.0.1:$KEPOS_PG_PRIVATE_PORT"
        _pg_as "$bin/pg_ctl" -D "$KEPOS_PGDATA" -l "$KEPOS_PG_DIR/server.log" -w \
            -o "-p $KEPOS_PG_PRIVATE_PORT -k $KEPOS_PG_DIR -c listen_addresses=127.0.0.1" start >/dev/null
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
