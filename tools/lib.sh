# Sourced by the tools that need a database: environment, PostgreSQL, configuration, databases.
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
source "$KEPOS_ROOT/tools/pg.sh"
source "$KEPOS_ROOT/tools/render-config.sh"
source "$KEPOS_ROOT/tools/db.sh"

# kepos_setup [--test]: install what is missing and find or start PostgreSQL.
kepos_setup() {
    "$KEPOS_ROOT/tools/install.sh" "$@"
    kepos_pg
}
