# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The matching benchmark runs at small size so that it cannot rot."""
import os
import subprocess
import sys

import pytest

from kepos_server import copy_database, drop_database

HERE = os.path.dirname(os.path.abspath(__file__))


def test_bench_matching_small():
    template = os.environ.get('KEPOS_E2E_TEMPLATE')
    if not template:
        pytest.skip('KEPOS_E2E_TEMPLATE is not set: run through `make test`')
    db = '%s_bench_matching' % template
    copy_database(template, db)
    try:
        result = subprocess.run(
            [sys.executable, os.path.join(HERE, 'bench_matching.py'),
             '--db', db, '--size', 'small'],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            universal_newlines=True, timeout=120)
    finally:
        drop_database(db)
    assert result.returncode == 0, result.stdout + result.stderr
    bench = [line for line in result.stdout.splitlines()
             if line.startswith('BENCH ')]
    assert len(bench) == 1, result.stdout
    fields = bench[0][len('BENCH '):].split('|')
    assert fields[0] == 'matching full recompute'
    assert float(fields[2]) > 0 and float(fields[3]) > 0
