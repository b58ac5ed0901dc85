# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..lib.guard import kepos_action


class KeposRegisterReportWizard(models.TransientModel):
    """Print the share register over a period."""
    _name = 'kepos.register.report.wizard'
    _description = 'Share register report'
    _kepos_client_fields = dict.fromkeys(
        ('date_from', 'date_to', 'company_id'), 'manager')

    date_from = fields.Date(string='From', required=True)
    date_to = fields.Date(string='To', required=True,
                          default=fields.Date.context_today)
    company_id = fields.Many2one(
        'res.company', string='Cooperative', required=True,
        default=lambda self: self.env.ref('base.main_company'))
    currency_id = fields.Many2one(related='company_id.currency_id',
                                  readonly=True)

    @api.multi
    @kepos_action(role='manager', access='read')
    def action_print(self):
        self.ensure_one()
        if self.date_from > self.date_to:
            raise UserError(_('The period ends before it starts.'))
        return self.env.ref(
            'kepos_membership.action_report_share_register'
        ).report_action(self)

    def _lines(self):
        return self.env['kepos.share.line'].search([
            ('company_id', '=', self.company_id.id),
            ('date', '>=', self.date_from), ('date', '<=', self.date_to),
        ], order='date, id')

    def _capital_at(self, date):
        return self.company_id._kepos_capital_at(date)

    def _opening_capital(self):
        day_before = fields.Date.from_string(self.date_from) - timedelta(1)
        return self.company_id._kepos_capital_at(
            fields.Date.to_string(day_before))
