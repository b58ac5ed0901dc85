#!/usr/bin/env bash
# make upgrade [DB=name] [ADDONS=all|a,b]: after a `git pull`, updates the Kèpos addons
# (or ADDONS) in the existing database (DB, default KEPOS_DB): a backup first, then
# Odoo's `-u`, which reloads their models, views, data and translations and runs their
# migrations/ scripts. The server must be stopped.
source "$(dirname "$0")/lib.sh"
kepos_pg
render_config
db=${1:-$KEPOS_DB}
db_exists "$db" || { log "no database $db on $PGHOST:$PGPORT"; exit 1; }
busy=$(psql -d postgres -XtAc "SELECT count(*) FROM pg_stat_activity
                               WHERE datname = '$db' AND pid <> pg_backend_pid()")
[ "$busy" = 0 ] || { log "$busy connections to $db: stop the server first"; exit 1; }
addons=${KEPOS_UPGRADE_ADDONS:-$(kepos_addons)}
[ "${KEPOS_UPGRADE_BACKUP:-1}" = 0 ] || "$KEPOS_ROOT/tools/backup.sh" "$db" >/dev/null

logfile="$KEPOS_VAR/log/upgrade-$db-$(date -u +%Y%m%d_%H%M%S).log"
log "updating $addons in $db (log: $logfile)"
t0=$SECONDS
odoo_bin -c "$KEPOS_CONF" -d "$db" --db-filter=".*" -u "$addons" --stop-after-init --no-http \
    --logfile="$logfile" || { log "update failed: see $logfile"; exit 1; }
check_log "$logfile"
log "$db updated in $((SECONDS - t0)) s"
