# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The matching benchmark runs at small size so that it cannot rot."""
import os

import pytest

from benchtable import run_small


def test_bench_matching_small():
    if not os.environ.get('KEPOS_E2E_TEMPLATE'):
        pytest.skip('KEPOS_E2E_TEMPLATE is not set: run through `make test`')
    fields = run_small('matching', timeout=120)
    assert fields[0] == 'matching full recompute'
    assert float(fields[2]) > 0 and float(fields[3]) > 0
