#!/usr/bin/env bash
# make backup [DB=name]: writes var/backups/<db>_<UTC timestamp>.zip in Odoo's own backup
# format (dump.sql, filestore/, manifest.json): `make restore` and Odoo's database manager
# both restore it. DB defaults to KEPOS_DB.
source "$(dirname "$0")/lib.sh"
kepos_pg
render_config
db=${1:-$KEPOS_DB}
db_exists "$db" || { log "no database $db on $PGHOST:$PGPORT"; exit 1; }
mkdir -p "$KEPOS_VAR/backups"
file="$KEPOS_VAR/backups/${db}_$(date -u +%Y%m%d_%H%M%S).zip"
[ ! -e "$file" ] || { log "$file already exists"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The database first, then the filestore: every file the dump's snapshot refers to exists
# by then (Odoo deletes a file only after its attachment is gone).
pg_dump --no-owner --file="$tmp/dump.sql" "$db"
filestore=$(filestore "$db")
[ ! -d "$filestore" ] || cp -a "$filestore" "$tmp/filestore"
"$VENV/bin/python" - "$KEPOS_CONF" "$db" "$tmp/manifest.json" <<'PY'
import json, sys
import odoo
odoo.tools.config.parse_config(['-c', sys.argv[1]])
# Odoo guards its database tools behind list_db, which the server keeps off; this
# process is no server.
odoo.tools.config['list_db'] = True
with odoo.sql_db.db_connect(sys.argv[2]).cursor() as cr, open(sys.argv[3], 'w') as out:
    json.dump(odoo.service.db.dump_db_manifest(cr), out, indent=4)
PY
(cd "$tmp" && "$VENV/bin/python" -m zipfile -c "$file.part" dump.sql manifest.json \
    $([ -d filestore ] && echo filestore))
mv "$file.part" "$file"
log "backup of $db: $file ($(du -h "$file" | cut -f1))"
echo "$file"
