# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class KeposSupportYearlyWizard(models.TransientModel):
    """Choose the member and the year of the support report to print."""
    _name = 'kepos.support.yearly.wizard'
    _description = 'Print the yearly support report'

    @api.model
    def _default_year(self):
        return fields.Date.from_string(fields.Date.context_today(self)).year

    partner_id = fields.Many2one(
        'res.partner', string='Member', required=True,
        domain=[('is_company', '=', True)],
        default=lambda self: self.env.user.partner_id.commercial_partner_id)
    year = fields.Integer(required=True, default=_default_year)

    @api.multi
    def action_print(self):
        self.ensure_one()
        return self.env.ref('kepos_incubator.action_report_support_yearly').report_action(
            self.partner_id, data={'year': self.year})
