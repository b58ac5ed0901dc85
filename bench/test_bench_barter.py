# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Runs the barter benchmark at small size on a fresh copy of the demo
database: nothing lost nor created, no limit broken."""
import os

import pytest

from benchtable import run_small


def test_bench_barter_small():
    if not os.environ.get('KEPOS_E2E_TEMPLATE'):
        pytest.skip('KEPOS_E2E_TEMPLATE is not set: run through `make test`')
    fields = run_small('barter', timeout=300)
    assert fields[0] == 'barter_transfers'
    assert 'zero-sum ok' in fields[5]
