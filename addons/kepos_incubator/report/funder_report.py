# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from odoo.addons.kepos_membership.lib.guard import kepos_action


class FunderReport(models.AbstractModel):
    _name = 'report.kepos_incubator.report_funder'
    _description = 'Funder report'

    @api.model
    @kepos_action(role='staff', access=None)
    def get_report_values(self, docids, data=None):
        # The report URL takes any ids: the wizards must be the caller's.
        wizards = self.env['kepos.funder.report.wizard'].browse(docids)
        wizards.check_access_rule('read')
        return {
            'doc_ids': docids,
            'doc_model': 'kepos.funder.report.wizard',
            'docs': wizards,
            'values': {w.id: w._report_values() for w in wizards},
        }
