# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from ..lib.guard import kepos_action


class ReportShareRegister(models.AbstractModel):
    """The register of every member's shares is the board's, whatever the
    way it is rendered (wizard, print menu, RPC on the report)."""
    _name = 'report.kepos_membership.report_share_register'
    _description = 'Share register'

    @api.model
    @kepos_action(role='manager', access=None)
    def get_report_values(self, docids, data=None):
        self._kepos_check_role('manager')
        wizards = self.env['kepos.register.report.wizard'].browse(docids)
        wizards.check_access_rule('read')
        return {
            'doc_ids': docids,
            'doc_model': 'kepos.register.report.wizard',
            'docs': wizards,
        }
