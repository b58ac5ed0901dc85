#!/usr/bin/env bash
# make test: install, then
#   1. the four addons install cleanly without demo data;
#   2. they install with demo data and their Odoo tests run (at_install and post_install);
#   3. pytest runs the end-to-end tests of tests/ (server, JSON-RPC, browser, docker-compose)
#      and the benchmarks of bench/ at a small size, against copies of that database.
# Exits non-zero on any failure; drops its throwaway databases.
source "$(dirname "$0")/lib.sh"
kepos_setup --test
export KEPOS_DB=kepos_test_$$
render_config
nodemo_db=${KEPOS_DB}_nodemo
demo_db=${KEPOS_DB}_demo
cleanup() { drop_db "$nodemo_db"; drop_db "$demo_db"; }
[ "${KEPOS_KEEP_DB:-0}" = 1 ] || trap cleanup EXIT
logs="$KEPOS_VAR/log/$KEPOS_DB"; mkdir -p "$logs"
addons=${KEPOS_TEST_ADDONS:-$(kepos_addons)}

# KEPOS_ODOO_ONLY=1 (make test-odoo): only step 2, the quick loop while developing an addon.
if [ "${KEPOS_ODOO_ONLY:-0}" != 1 ]; then
    t0=$SECONDS
    copy_db "$(ensure_template nodemo)" "$nodemo_db"
    log "1. installing $addons without demo data"
    odoo_bin -c "$KEPOS_CONF" -d "$nodemo_db" --db-filter=".*" -i "$addons" --without-demo=all \
        --stop-after-init --no-http --logfile="$logs/test-nodemo.log" && check_log "$logs/test-nodemo.log"
    log "   done in $((SECONDS - t0)) s"
fi

t0=$SECONDS
copy_db "$(ensure_template demo)" "$demo_db"
log "2. installing $addons with demo data and running their tests (log: $logs/test-odoo.log)"
# --test-enable serves HTTP even with --stop-after-init: give it a port of its own.
rc=0
odoo_bin -c "$KEPOS_CONF" -d "$demo_db" --db-filter=".*" -i "$addons" --test-enable \
    --stop-after-init --http-port="$(( 20000 + $$ % 20000 ))" --logfile="$logs/test-odoo.log" || rc=$?
"$VENV/bin/python" "$KEPOS_ROOT/tools/odoo_test_summary.py" "$logs/test-odoo.log" || rc=1
[ $rc = 0 ] && check_log "$logs/test-odoo.log" require_tests || rc=1
log "   done in $((SECONDS - t0)) s"
[ $rc = 0 ] || { log "Odoo tests failed"; exit $rc; }
[ "${KEPOS_ODOO_ONLY:-0}" != 1 ] || exit 0

log "3. end-to-end tests and benchmarks (small size)"
KEPOS_E2E_TEMPLATE="$demo_db" KEPOS_CONF="$KEPOS_CONF" \
    "$VENV/bin/pytest" -p no:cacheprovider -p no:warnings -c "$KEPOS_ROOT/pytest.ini" --rootdir="$KEPOS_ROOT" \
    "$KEPOS_ROOT/tests" "$KEPOS_ROOT/bench" "$@"
