# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.kepos_membership.lib.guard import kepos_action


class KeposSupportYearlyWizard(models.TransientModel):
    """Choose the member and the year of the support report to print."""
    _name = 'kepos.support.yearly.wizard'
    _description = 'Print the yearly support report'

    # A member prints the report of its own company (checked on print).
    _kepos_client_fields = {'partner_id': 'member', 'year': 'member'}

    @api.model
    def _default_year(self):
        return fields.Date.from_string(fields.Date.context_today(self)).year

    partner_id = fields.Many2one(
        'res.partner', string='Member', required=True,
        domain=[('is_company', '=', True)],
        default=lambda self: self.env.user.partner_id.commercial_partner_id)
    year = fields.Integer(required=True, default=_default_year)

    @api.model
    def _check_partner(self, partners):
        """A member prints the report of its own company only; the team,
        of any member. Called again by the report itself, which a client
        can ask for without the wizard."""
        if self._kepos_has_role('staff'):
            return
        own = self.env.user.partner_id.commercial_partner_id
        if partners - own:
            raise AccessError(_('You can only print the support report of '
                                'your own company.'))

    @api.multi
    @kepos_action(role='member', access='read')
    def action_print(self):
        self.ensure_one()
        self._check_partner(self.partner_id)
        return self.env.ref('kepos_incubator.action_report_support_yearly').report_action(
            self.partner_id, data={'year': self.year})
