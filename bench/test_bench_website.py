# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The public pages' benchmark runs at small size; every page answers."""
import os

import pytest

from benchtable import run_small


def test_bench_website_small():
    if not os.environ.get('KEPOS_E2E_TEMPLATE'):
        pytest.skip('KEPOS_E2E_TEMPLATE is not set: run through `make test`')
    fields = run_small('website', timeout=180)
    assert fields[0] == 'public_pages_median'
    float(fields[2]), float(fields[3]), float(fields[4])
    assert ' 0 failures' in fields[5]
