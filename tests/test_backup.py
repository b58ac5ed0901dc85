"""`make backup` then `make restore` round-trip a copy of the demo database: every row of
every table, the capital and share counts, the barter balances, the invoices and the
attachments with their files; the restored database serves; nothing is ever restored
over an existing database."""
import os
import re

from kepos_ops import (drop_with_filestore, figures, filestore, filestore_problems, make,
                       query, row_counts, tables)
from kepos_server import Server


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
    assert not query('postgres', "SELECT 1 FROM pg_database WHERE datname = '%s_x'" % demo_copy)

    backup = make('backup', DB=demo_copy).stdout.split()[-1]
    try:
        refused = make('restore', check=False, FILE=backup, DB=demo_copy)
        assert refused.returncode != 0 and 'already exists' in refused.stderr
        assert figures(demo_copy) == before
    finally:
        os.remove(backup)
