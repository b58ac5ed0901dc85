# Sourced after env.sh, pg.sh and render-config.sh: databases.
# Installing Odoo's own apps (accounting with the French chart, project, CRM, events…)
# takes minutes; the Kèpos addons take seconds. So the Odoo part is installed once
# into a template database named after what it contains, and copied (< 1 s).

# The Odoo addons the Kèpos addons depend on, outside the Kèpos suite.
odoo_dependencies() {
    "$VENV/bin/python" - "$KEPOS_ROOT/addons" <<'PY'
import ast, os, sys
root = sys.argv[1]
ours = {d for d in os.listdir(root) if os.path.isfile(os.path.join(root, d, '__manifest__.py'))}
deps = set()
for mod in ours:
    with open(os.path.join(root, mod, '__manifest__.py')) as f:
        deps.update(ast.literal_eval(f.read()).get('depends', []))
print(','.join(sorted(deps - ours)))
PY
}

# The addon list of the suite, dependencies first does not matter: Odoo orders them.
kepos_addons() { (cd "$KEPOS_ROOT/addons" && ls -d kepos_*/ | tr -d / | paste -sd,); }

# ensure_template demo|nodemo → prints the template's name, creating it if needed.
ensure_template() {
    local kind=$1 deps key name
    deps=$(odoo_dependencies)
    # The var/ folder is part of the key: a template's filestore lives there, so two
    # checkouts on one PostgreSQL server must not share a template.
    key=$(printf '%s %s %s' "$deps" "$(cat "$KEPOS_ROOT"/requirements*.txt)" "$KEPOS_VAR" \
        | sha1sum | cut -c1-10)
    name="kepos_tmpl_${kind}_$key"
    (
        flock 9
        if ! db_exists "$name"; then
            log "creating template database $name (Odoo apps, $kind; a few minutes, once)"
            local t0=$SECONDS demo=()
            [ "$kind" = nodemo ] && demo=(--without-demo=all)
            psql -d postgres -XqAc "DROP DATABASE IF EXISTS \"${name}_build\"" >/dev/null
            odoo_bin -c "$KEPOS_CONF" -d "${name}_build" --db-filter=".*" -i "$deps" "${demo[@]}" \
                --load-language=fr_FR --stop-after-init --no-http \
                --logfile="$KEPOS_VAR/log/$name.log" \
                || { log "template install failed: see $KEPOS_VAR/log/$name.log"; exit 1; }
            check_log "$KEPOS_VAR/log/$name.log" || exit 1
            rename_db "${name}_build" "$name"
            log "template $name ready in $((SECONDS - t0)) s"
        fi
    ) 9>"/tmp/kepos-template-$kind.lock" >&2 || return 1
    echo "$name"
}

# filestore DB: where Odoo keeps the attachments (such as compiled assets) of DB; the
# helpers below move, copy and drop it with its database.
filestore() { echo "$KEPOS_VAR/data/filestore/$1"; }

# copy_db TEMPLATE NAME: a fresh database from a template (drops NAME first).
copy_db() {
    psql -d postgres -XqAc "DROP DATABASE IF EXISTS \"$2\"" >/dev/null
    createdb -T "$1" "$2"
    if [ -d "$(filestore "$1")" ]; then
        mkdir -p "$(dirname "$(filestore "$2")")"
        rm -rf "$(filestore "$2")"
        cp -a "$(filestore "$1")" "$(filestore "$2")"
    fi
}

# rename_db OLD NEW: e.g. a database built under a temporary name, once complete.
rename_db() {
    psql -d postgres -XqAc "ALTER DATABASE \"$1\" RENAME TO \"$2\"" >/dev/null
    rm -rf "$(filestore "$2")"
    [ ! -d "$(filestore "$1")" ] || mv "$(filestore "$1")" "$(filestore "$2")"
}

drop_db() {
    psql -d postgres -XqAc "DROP DATABASE IF EXISTS \"$1\"" >/dev/null
    rm -rf "$(filestore "$1")"
}

# check_log LOG [require_tests]: an Odoo log is clean when it has no ERROR/CRITICAL line
# (Odoo exits 0 when a test module cannot even be imported) and, for test runs, when
# tests actually ran.
check_log() {
    local log=$1
    if grep -qE '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) ' "$log"; then
        log "errors in $log:"
        grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) ' "$log" | head -20 >&2
        return 1
    fi
    if [ "${2:-}" = require_tests ] && ! grep -qE ' Ran [1-9][0-9]* test' "$log"; then
        log "no test ran: see $log"; return 1
    fi
}
