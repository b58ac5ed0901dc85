"""The load benchmark at small size on a copy of the demo database: a server
with 2 workers answers every request of the mix and keeps its invariants."""
import os
import subprocess
import sys

from kepos_server import copy_database, drop_database

HERE = os.path.dirname(os.path.abspath(__file__))


def test_bench_load_small(server):
    # `server` only to share the skip when KEPOS_E2E_TEMPLATE is not set.
    db = '%s_bench_load' % os.environ['KEPOS_E2E_TEMPLATE']
    copy_database(os.environ['KEPOS_E2E_TEMPLATE'], db)
    try:
        run = subprocess.run([sys.executable, os.path.join(HERE, 'bench_load.py'),
                              '--db', db, '--size', 'small'],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             universal_newlines=True, timeout=300)
    finally:
        drop_database(db)
    assert run.returncode == 0, run.stdout[-3000:]
    [line] = [line for line in run.stdout.splitlines() if line.startswith('BENCH ')]
    fields = line[len('BENCH '):].split('|')
    assert fields[0] == 'load_mix' and len(fields) == 6
    assert ' 0 errors' in fields[5] and 'invariants ok' in fields[5]
