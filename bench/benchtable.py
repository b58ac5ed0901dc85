#!/usr/bin/env python3
# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Runs the benchmarks and prints their results as one table.

Every bench_<name>.py prints one line
`BENCH <operation>|<size>|<seconds>|<baseline seconds>|<ratio>|<extra>`;
`make bench` pipes their output here, and the pytest runs of `make test`
collect them with run_small() and print the table at the end (conftest.py).

    python bench/benchtable.py < output-of-the-benchmarks
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
COLUMNS = ('operation', 'size', 'seconds', 'baseline', 'ratio', 'extra')
RESULTS = []


def parse(line):
    """The fields of a BENCH line, or None for any other line."""
    if not line.startswith('BENCH '):
        return None
    fields = line[len('BENCH '):].rstrip('\n').split('|')
    return fields + [''] * (len(COLUMNS) - len(fields))


def format_table(rows):
    """Columns as wide as their longest value; the extra column last, as is."""
    table = [list(COLUMNS)] + [list(row) for row in rows]
    widths = [max(len(row[column]) for row in table)
              for column in range(len(COLUMNS) - 1)]
    return '\n'.join('  '.join([value.ljust(width) for value, width
                                in zip(row, widths)] + [row[-1]]).rstrip()
                      for row in table)


def run_small(name, timeout):
    """Runs bench_<name>.py at the small size on a copy of the e2e template
    database; returns its BENCH fields and keeps them for the summary."""
    from kepos_ops import drop_with_filestore
    from kepos_server import copy_database
    db = '%s_bench_%s' % (os.environ['KEPOS_E2E_TEMPLATE'], name)
    copy_database(os.environ['KEPOS_E2E_TEMPLATE'], db)
    try:
        run = subprocess.run(
            [sys.executable, os.path.join(HERE, 'bench_%s.py' % name),
             '--db', db, '--size', 'small'],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            universal_newlines=True, timeout=timeout)
    finally:
        drop_with_filestore(db)
    assert run.returncode == 0, run.stdout[-3000:]
    rows = [row for row in map(parse, run.stdout.splitlines()) if row]
    assert len(rows) == 1, run.stdout[-3000:]
    RESULTS.append(rows[0])
    return rows[0]


if __name__ == '__main__':
    print(format_table([row for row in map(parse, sys.stdin) if row]))
