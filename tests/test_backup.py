"""`make backup` then `make restore` round-trip a copy of the demo database: every row of
every table, the capital and share counts, the barter balances, the invoices and the
attachments with their files; the restored database serves; nothing is ever restored
over an existing database."""
import glob
import json
import os
import re
import shutil
import subprocess
import tempfile
import zipfile

import pytest

from kepos_ops import (drop_with_filestore, figures, filestore, filestore_problems, make,
                       query, row_counts, tables)
from kepos_server import ROOT, VAR, Server


def test_backup_restore_round_trip(demo_copy):
    before, counts = figures(demo_copy), row_counts(demo_copy, tables(demo_copy))
    stored = query(demo_copy, 'SELECT COUNT(*) FROM ir_attachment WHERE store_fname IS NOT NULL')
    assert int(stored[0][0]) > 0, 'the demo database should have files to back up'
    assert filestore_problems(demo_copy, filestore(demo_copy)) == []

    backup = make('backup', DB=demo_copy).stdout.split()[-1]
    restored = demo_copy + '_restored'
    try:
        assert re.search(r'/var/backups/%s_\d{8}_\d{6}\.zip$' % demo_copy, backup)
        make('restore', FILE=backup, DB=restored)
        assert figures(restored) == before
        assert row_counts(restored, tables(restored)) == counts
        assert filestore_problems(restored, filestore(restored)) == []

        server = Server(restored)
        try:
            member = server.login('member_a')
            assert member.execute('kepos.barter.account', 'search_read', [], ['balance'])
            assert server.errors_in_log() == []
        finally:
            server.stop()
    finally:
        drop_with_filestore(restored)
        os.remove(backup)


def test_restore_never_overwrites(demo_copy, tmp_path):
    before = figures(demo_copy)
    not_a_backup = tmp_path / 'kepos.zip'
    not_a_backup.write_text('not a zip')
    refused = make('restore', check=False, FILE=str(not_a_backup), DB=demo_copy + '_x')
    assert refused.returncode != 0 and 'not a zip backup' in refused.stderr
    other_odoo = tmp_path / 'kepos_odoo10.zip'
    with zipfile.ZipFile(str(other_odoo), 'w') as archive:
        archive.writestr('dump.sql', 'CREATE TABLE kepos_from_odoo10 (id int);')
        archive.writestr('manifest.json', json.dumps({'major_version': '10.0'}))
    refused = make('restore', check=False, FILE=str(other_odoo), DB=demo_copy + '_x')
    assert refused.returncode != 0 and 'backup of Odoo 10.0' in refused.stderr
    assert not query('postgres', "SELECT 1 FROM pg_database WHERE datname = '%s_x'" % demo_copy)

    backup = make('backup', DB=demo_copy).stdout.split()[-1]
    try:
        refused = make('restore', check=False, FILE=backup, DB=demo_copy)
        assert refused.returncode != 0 and 'already exists' in refused.stderr
        assert figures(demo_copy) == before
    finally:
        os.remove(backup)


@pytest.mark.skipif(not glob.glob('/usr/lib/postgresql/*/bin/initdb'),
                    reason="Debian's postgresql binaries are not installed")
def test_backup_restore_on_the_private_cluster():
    """The same tools against the private cluster of tools/pg.sh (role kepos), on a
    small database shaped like Odoo's where the manifest reads it."""
    script = '''
        source tools/env.sh; source tools/pg.sh
        unset PGHOST PGPORT PGUSER
        KEPOS_PG_PRIVATE=1 KEPOS_PG_PRIVATE_PORT=%d
        kepos_pg
        trap kepos_pg_stop EXIT
        createdb tiny
        psql -d tiny -Xq -c "CREATE TABLE ir_module_module (name varchar, latest_version varchar,
                                                           state varchar)" \
            -c "INSERT INTO ir_module_module VALUES ('kepos_membership', '11.0.1.0.0', 'installed')" \
            -c "CREATE TABLE kepos_share_line (amount numeric)" \
            -c "INSERT INTO kepos_share_line VALUES (50), (100)"
        file=$(tools/backup.sh tiny)
        tools/restore.sh "$file" tiny_restored
        psql -d tiny_restored -XAtc "SELECT current_user, SUM(amount) FROM kepos_share_line"
    ''' % (5490 + os.getpid() % 50)
    # Not pytest's tmp_path: the cluster's unprivileged owner must be able to reach it.
    os.makedirs(VAR, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix='pgbackup-', dir=VAR)
    os.chmod(tmp, 0o755)
    env = dict(os.environ, KEPOS_VAR=tmp)
    for name in ('PGHOST', 'PGPORT', 'PGUSER', 'KEPOS_CONF'):
        env.pop(name, None)
    try:
        result = subprocess.run(['bash', '-c', script], cwd=ROOT, env=env, timeout=300,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                universal_newlines=True)
        backups = os.listdir(os.path.join(tmp, 'backups'))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.split() == ['kepos|150']
    assert len(backups) == 1 and backups[0].startswith('tiny_')
