# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from ..lib.guard import kepos_action


class ReportAssemblyMinutes(models.AbstractModel):
    """Minutes only of a closed assembly, whatever the way they are printed
    (button, print menu, RPC): before, the results are not final."""
    _name = 'report.kepos_membership.report_assembly_minutes'
    _description = 'Assembly minutes'

    @api.model
    @kepos_action(role='member', access=None)
    def get_report_values(self, docids, data=None):
        assemblies = self.env['kepos.assembly'].browse(docids)
        assemblies.check_access_rights('read')
        assemblies.check_access_rule('read')
        assemblies._check_minutes()
        return {
            'doc_ids': docids,
            'doc_model': 'kepos.assembly',
            'docs': assemblies,
        }
