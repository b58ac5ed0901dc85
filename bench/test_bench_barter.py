"""Runs the barter benchmark at small size on a fresh copy of the demo
database: nothing lost nor created, no limit broken."""
import os
import subprocess
import sys

import pytest

from kepos_server import copy_database, drop_database

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_bench_barter_small():
    template = os.environ.get('KEPOS_E2E_TEMPLATE')
    if not template:
        pytest.skip('KEPOS_E2E_TEMPLATE is not set: run through `make test`')
    db = '%s_bench_barter' % template
    copy_database(template, db)
    try:
        run = subprocess.run(
            [sys.executable, os.path.join(ROOT, 'bench', 'bench_barter.py'),
             '--db', db, '--size', 'small'],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            universal_newlines=True, timeout=300)
    finally:
        drop_database(db)
    assert run.returncode == 0, run.stdout[-3000:]
    lines = [line for line in run.stdout.splitlines()
             if line.startswith('BENCH ')]
    assert len(lines) == 1, run.stdout[-3000:]
    fields = lines[0].split('|')
    assert fields[0] == 'BENCH barter_transfers'
    assert len(fields) == 6 and 'zero-sum ok' in fields[5]
