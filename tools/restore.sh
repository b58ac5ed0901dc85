#!/usr/bin/env bash
# make restore FILE=var/backups/<db>_<timestamp>.zip [DB=name]: restores a backup of
# `make backup` (or of Odoo's database manager, zip format) into a NEW database, named DB
# or after the file (<db>_<timestamp>). An existing database or filestore is never touched.
source "$(dirname "$0")/lib.sh"
file=${1:-}
[ -f "$file" ] || { log "usage: make restore FILE=var/backups/<db>_<timestamp>.zip [DB=name]"; exit 1; }
"$VENV/bin/python" -c 'import sys, zipfile; sys.exit(not zipfile.is_zipfile(sys.argv[1]))' "$file" \
    || { log "$file is not a zip backup"; exit 1; }
db=${2:-$(basename "$file" .zip)}
[[ $db =~ ^[A-Za-z0-9][A-Za-z0-9_.-]*$ ]] || { log "invalid database name: $db"; exit 1; }
kepos_pg
filestore=$(filestore "$db")
db_exists "$db" && { log "database $db already exists: give another name with DB="; exit 1; }
[ ! -e "$filestore" ] || { log "$filestore already exists: give another name with DB="; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# zipfile drops absolute paths and '..' from member names: nothing lands outside $tmp.
"$VENV/bin/python" -m zipfile -e "$file" "$tmp"
[ -s "$tmp/dump.sql" ] || { log "$file holds no dump.sql: not an Odoo backup"; exit 1; }
# Odoo's manifest says which Odoo wrote the backup: another major version's schema differs.
if [ -f "$tmp/manifest.json" ]; then
    "$VENV/bin/python" - "$tmp/manifest.json" <<'PY' || { log "$file was not made by this Odoo"; exit 1; }
import json, sys
import odoo.release
found = json.load(open(sys.argv[1])).get('major_version')
if found != odoo.release.major_version:
    sys.exit('backup of Odoo %s, this is Odoo %s' % (found, odoo.release.major_version))
PY
fi
createdb -T template0 -E UTF8 "$db"
# One transaction that stops at the first error: a failed restore leaves no half database.
if ! psql -X -q -v ON_ERROR_STOP=1 --single-transaction -d "$db" -f "$tmp/dump.sql" >/dev/null; then
    dropdb "$db"
    log "restore of $file failed: nothing created"
    exit 1
fi
if [ -d "$tmp/filestore" ]; then
    mkdir -p "$(dirname "$filestore")"
    mv "$tmp/filestore" "$filestore"
fi
log "restored $file into $db; serve it with: make run KEPOS_DB=$db"
