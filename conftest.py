"""Shared pytest fixtures of the end-to-end tests (tests/) and benchmarks (bench/)."""
import os
import sys

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'tests'))

from kepos_ops import copy_with_filestore, drop_with_filestore  # noqa: E402
from kepos_server import start_server  # noqa: E402


def _template():
    template = os.environ.get('KEPOS_E2E_TEMPLATE')
    if not template:
        pytest.skip('KEPOS_E2E_TEMPLATE is not set: run through `make test`')
    return template


@pytest.fixture(scope='session')
def server():
    """The demo database served on a free port, for the whole session."""
    srv = start_server(_template(), 'e2e')
    yield srv
    srv.stop()
    drop_with_filestore(srv.db)


@pytest.fixture
def fresh_server(request):
    """A server of its own on a fresh copy of the demo database (for tests that change it)."""
    srv = start_server(_template(), request.node.name[:20].lower())
    yield srv
    srv.stop()
    drop_with_filestore(srv.db)


@pytest.fixture
def demo_copy(request):
    """A copy of the demo database and of its filestore, dropped afterwards."""
    db = '%s_%s' % (_template(), request.node.name[:20].lower())
    copy_with_filestore(_template(), db)
    yield db
    drop_with_filestore(db)


@pytest.fixture(scope='module')
def module_server(request):
    """A fresh copy of the demo database shared by the tests of one file (for files
    whose tests change data but do not depend on each other's changes)."""
    srv = start_server(_template(), request.module.__name__.split('.')[-1][-20:].lower())
    yield srv
    srv.stop()
    drop_with_filestore(srv.db)
