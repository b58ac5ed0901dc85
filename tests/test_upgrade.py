"""`make upgrade` (a backup, then `-u` of the four Kèpos addons) on a copy of the demo
database keeps every figure: capital, share counts, barter balances, invoice totals,
the rows of every Kèpos table; it refuses to run under a live server."""
import glob
import os
import subprocess
import time

from kepos_ops import figures, make, query
from kepos_server import VAR


def test_upgrade_keeps_every_figure(demo_copy):
    before = figures(demo_copy)
    make('upgrade', DB=demo_copy)
    backups = glob.glob(os.path.join(VAR, 'backups', '%s_*.zip' % demo_copy))
    try:
        assert len(backups) == 1, 'make upgrade backs the database up first'
        assert figures(demo_copy) == before
    finally:
        for backup in backups:
            os.remove(backup)


def test_upgrade_refuses_a_database_in_use(demo_copy):
    # An idle psql session stands for a running server.
    session = subprocess.Popen(['psql', '-Xq', '-d', demo_copy], stdin=subprocess.PIPE,
                               stdout=subprocess.DEVNULL)
    try:
        for _attempt in range(100):
            if query('postgres', "SELECT 1 FROM pg_stat_activity WHERE datname = '%s'"
                     % demo_copy):
                break
            time.sleep(0.1)
        busy = make('upgrade', check=False, DB=demo_copy)
        assert busy.returncode != 0 and 'stop the server first' in busy.stderr
    finally:
        session.communicate(timeout=30)
    assert not glob.glob(os.path.join(VAR, 'backups', '%s_*.zip' % demo_copy))
