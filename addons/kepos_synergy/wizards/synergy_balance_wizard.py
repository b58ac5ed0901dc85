# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class KeposSynergyBalanceWizard(models.TransientModel):
    _name = 'kepos.synergy.balance.wizard'
    _description = 'Print the yearly balance of the synergies'

    year = fields.Integer(
        required=True, default=lambda self: fields.Date.from_string(
            fields.Date.context_today(self)).year)
    partner_id = fields.Many2one(
        'res.partner', string='Member', domain=[('is_company', '=', True)],
        help='Leave empty for the balance of the whole cooperative.')

    @api.multi
    def action_print(self):
        self.ensure_one()
        if not 2000 <= self.year <= 2100:
            raise UserError(_('Give a year between 2000 and 2100.'))
        return self.env.ref(
            'kepos_synergy.action_report_synergy_balance').report_action(
                self, data={'year': self.year,
                            'partner_id': self.partner_id.id})
