#!/usr/bin/env bash
# make i18n: rewrite each add-on's i18n/fr.po from Odoo's own export: the terms and their
# references come from a template exported without language (so every reference points at the
# record or field that really carries the term), the French translations from the add-on's
# current fr.po, matched by source text (msgmerge); then list what is untranslated.
source "$(dirname "$0")/lib.sh"
kepos_setup --test
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
    pot="$KEPOS_VAR/$addon.pot"
    odoo_bin -c "$KEPOS_CONF" -d "$KEPOS_DB" --i18n-export="${pot%.pot}.po" --modules="$addon" \
        --stop-after-init --no-http --logfile="$KEPOS_VAR/log/$KEPOS_DB.log"
    mv "${pot%.pot}.po" "$pot"
    # --use-first: a merge may have left a term twice; keep one translation.
    msguniq --use-first "$po" | msgmerge --quiet --no-fuzzy-matching --no-wrap - "$pot" \
        | msgattrib --no-obsolete --no-wrap -o "$po"
    rm -f "$pot"
    missing=$("$VENV/bin/python" "$KEPOS_ROOT/tools/po_untranslated.py" "$po") || status=1
    [ -z "$missing" ] || { log "$addon: untranslated terms:"; echo "$missing"; }
done
exit $status
