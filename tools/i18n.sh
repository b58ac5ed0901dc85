#!/usr/bin/env bash
# make i18n: rewrite each add-on's i18n/fr.po from Odoo's own export (all current terms,
# with the French translations the add-on already has), then list what is untranslated.
source "$(dirname "$0")/lib.sh"
kepos_setup
export KEPOS_DB=kepos_i18n_$$
render_config
trap 'drop_db "$KEPOS_DB"' EXIT
addons=${1:-$(kepos_addons)}
copy_db "$(ensure_template demo)" "$KEPOS_DB"
odoo_bin -c "$KEPOS_CONF" -d "$KEPOS_DB" -i "$addons" --stop-after-init --no-http \
    --logfile="$KEPOS_VAR/log/$KEPOS_DB.log" && check_log "$KEPOS_VAR/log/$KEPOS_DB.log"
status=0
for addon in ${addons//,/ }; do
    po="$KEPOS_ROOT/addons/$addon/i18n/fr.po"
    odoo_bin -c "$KEPOS_CONF" -d "$KEPOS_DB" --i18n-export="$po" --modules="$addon" \
        --language=fr_FR --stop-after-init --no-http --logfile="$KEPOS_VAR/log/$KEPOS_DB.log"
    missing=$("$VENV/bin/python" "$KEPOS_ROOT/tools/po_untranslated.py" "$po") || status=1
    [ -z "$missing" ] || { log "$addon: untranslated terms:"; echo "$missing"; }
done
exit $status
