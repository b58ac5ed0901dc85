# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class FunderReport(models.AbstractModel):
    _name = 'report.kepos_incubator.report_funder'
    _description = 'Funder report'

    @api.model
    def get_report_values(self, docids, data=None):
        wizards = self.env['kepos.funder.report.wizard'].browse(docids)
        return {
            'doc_ids': docids,
            'doc_model': 'kepos.funder.report.wizard',
            'docs': wizards,
            'values': {w.id: w._report_values() for w in wizards},
        }
