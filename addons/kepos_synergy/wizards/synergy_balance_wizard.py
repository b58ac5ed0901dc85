# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.kepos_membership.lib.guard import kepos_action


class KeposSynergyBalanceWizard(models.TransientModel):
    _name = 'kepos.synergy.balance.wizard'
    _description = 'Print the yearly balance of the synergies'
    # A member prints its own balance; the staff, anyone's or the
    # cooperative's (checked when printing, by the report itself).
    _kepos_client_fields = {'year': 'member', 'partner_id': 'member'}

    year = fields.Integer(
        required=True, default=lambda self: fields.Date.from_string(
            fields.Date.context_today(self)).year)
    partner_id = fields.Many2one(
        'res.partner', string='Member', domain=[('is_company', '=', True)],
        default=lambda self: self._default_partner_id(),
        help='Leave empty for the balance of the whole cooperative.')

    @api.model
    def _default_partner_id(self):
        # A member prints its own company's balance; the staff, by default,
        # the cooperative's.
        if self._kepos_has_role('staff'):
            return False
        return self.env.user.partner_id.commercial_partner_id

    @api.multi
    @kepos_action(role='member')
    def action_print(self):
        self.ensure_one()
        if not 2000 <= self.year <= 2100:
            raise UserError(_('Give a year between 2000 and 2100.'))
        self.env['report.kepos_synergy.report_synergy_balance'] \
            ._check_balance_partner(self.partner_id)
        return self.env.ref(
            'kepos_synergy.action_report_synergy_balance').report_action(
                self, data={'year': self.year,
                            'partner_id': self.partner_id.id})
