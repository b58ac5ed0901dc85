# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The B2B scheduling benchmark runs at small size and keeps its invariants."""
import os

import pytest

from benchtable import run_small


def test_bench_b2b_small():
    if not os.environ.get('KEPOS_E2E_TEMPLATE'):
        pytest.skip('KEPOS_E2E_TEMPLATE is not set: run through `make test`')
    fields = run_small('b2b', timeout=50)
    assert fields[0] == 'b2b_schedule'
    float(fields[2]), float(fields[3]), float(fields[4])
    assert 'placed=' in fields[5]
