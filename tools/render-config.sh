# Sourced after env.sh and pg.sh: renders config/odoo.conf.template into $KEPOS_CONF.
# The master password is generated once and kept outside the repository.
render_config() {
    local secret_dir=${KEPOS_SECRET_DIR:-${XDG_CONFIG_HOME:-$HOME/.config}/kepos}
    local secret="$secret_dir/admin_passwd"
    if [ ! -s "$secret" ]; then
        mkdir -p "$secret_dir" && chmod 700 "$secret_dir"
        (umask 077; "$VENV/bin/python" -c 'import secrets; print(secrets.token_urlsafe(24))' > "$secret")
    fi
    local site; site=$("$VENV/bin/python" -c 'import odoo.addons, os; print(os.path.dirname(odoo.addons.__file__))')
    export KEPOS_CONF=${KEPOS_CONF:-$KEPOS_VAR/odoo-$KEPOS_DB.conf}
    sed -e "s#@ADDONS_PATH@#$KEPOS_ROOT/addons,$site#" \
        -e "s#@DATA_DIR@#$KEPOS_VAR/data#" \
        -e "s#@PGHOST@#$PGHOST#" -e "s#@PGPORT@#$PGPORT#" -e "s#@PGUSER@#$PGUSER#" \
        -e "s#@KEPOS_DB@#$KEPOS_DB#g" -e "s#@KEPOS_PORT@#$KEPOS_PORT#" \
        -e "s#@KEPOS_LONGPOLLING_PORT@#$((KEPOS_PORT + 3))#" \
        -e "s#@ADMIN_PASSWD@#$(cat "$secret")#" \
        "$KEPOS_ROOT/config/odoo.conf.template" > "$KEPOS_CONF"
    chmod 600 "$KEPOS_CONF"
}
odoo_bin() { "$VENV/bin/python" "$KEPOS_ROOT/tools/odoo-bin" "$@"; }
