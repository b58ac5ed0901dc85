# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import test_public_reads
from . import test_forms
from . import test_rpc_boundary
from . import test_pages
