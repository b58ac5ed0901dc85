# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The B2B scheduling benchmark runs at small size and keeps its invariants."""
import os
import subprocess
import sys

import pytest

from kepos_server import copy_database, drop_database

HERE = os.path.dirname(os.path.abspath(__file__))


def test_bench_b2b_small():
    template = os.environ.get('KEPOS_E2E_TEMPLATE')
    if not template:
        pytest.skip('KEPOS_E2E_TEMPLATE is not set: run through `make test`')
    db = '%s_bench_b2b' % template
    copy_database(template, db)
    try:
        run = subprocess.run(
            [sys.executable, os.path.join(HERE, 'bench_b2b.py'),
             '--db', db, '--size', 'small'],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            universal_newlines=True, timeout=50)
    finally:
        drop_database(db)
    assert run.returncode == 0, run.stdout + run.stderr
    lines = [l for l in run.stdout.splitlines() if l.startswith('BENCH ')]
    assert len(lines) == 1, run.stdout
    fields = lines[0][len('BENCH '):].split('|')
    assert fields[0] == 'b2b_schedule'
    assert len(fields) == 6
    float(fields[2]), float(fields[3]), float(fields[4])
    assert 'placed=' in fields[5]
