#!/usr/bin/env bash
# make bench: every bench/bench_*.py at full size on a throwaway copy of the demo
# database, then one table: operation, size, time, baseline, ratio.
source "$(dirname "$0")/lib.sh"
kepos_setup
export KEPOS_DB=kepos_bench_$$
render_config
base=${KEPOS_DB}_base
trap 'drop_db "$base"' EXIT
copy_db "$(ensure_template demo)" "$base"
odoo_bin -c "$KEPOS_CONF" -d "$base" --db-filter=".*" -i "$(kepos_addons)" --stop-after-init \
    --no-http --logfile="$KEPOS_VAR/log/$base.log" && check_log "$KEPOS_VAR/log/$base.log"
results=$(mktemp)
status=0
for bench in "$KEPOS_ROOT"/bench/bench_*.py; do
    [ -e "$bench" ] || continue
    db="${KEPOS_DB}_$(basename "$bench" .py)"
    copy_db "$base" "$db"
    log "running $(basename "$bench") (full size)"
    KEPOS_CONF="$KEPOS_CONF" "$VENV/bin/python" "$bench" --db "$db" --size full | tee -a "$results" || status=1
    drop_db "$db"
done
echo
"$VENV/bin/python" "$KEPOS_ROOT/bench/benchtable.py" < "$results"
rm -f "$results"
exit $status
