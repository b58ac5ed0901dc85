#!/usr/bin/env bash
# make run: install, find or start PostgreSQL, create the demo database once, serve it.
source "$(dirname "$0")/lib.sh"
kepos_setup
render_config

if ! db_exists "$KEPOS_DB"; then
    t0=$SECONDS
    tmpl=$(ensure_template demo)
    t1=$SECONDS
    # Build under a temporary name so that an interrupted run leaves no half database.
    copy_db "$tmpl" "${KEPOS_DB}_build"
    log "installing the Kèpos addons with demo data into $KEPOS_DB"
    odoo_bin -c "$KEPOS_CONF" -d "${KEPOS_DB}_build" --db-filter=".*" -i "$(kepos_addons)" \
        --stop-after-init --no-http --logfile="$KEPOS_VAR/log/install-$KEPOS_DB.log" \
        || { log "install failed: see $KEPOS_VAR/log/install-$KEPOS_DB.log"; exit 1; }
    check_log "$KEPOS_VAR/log/install-$KEPOS_DB.log"
    rename_db "${KEPOS_DB}_build" "$KEPOS_DB"
    log "install time: Odoo apps $((t1 - t0)) s, Kèpos addons with demo $((SECONDS - t1)) s, total $((SECONDS - t0)) s"
fi

log "serving http://127.0.0.1:$KEPOS_PORT  (database $KEPOS_DB, login admin / admin, Ctrl-C to stop)"
"$VENV/bin/python" "$KEPOS_ROOT/tools/odoo-bin" -c "$KEPOS_CONF" -d "$KEPOS_DB" \
    2>&1 | tee -a "$KEPOS_VAR/log/odoo-$KEPOS_DB.log"
