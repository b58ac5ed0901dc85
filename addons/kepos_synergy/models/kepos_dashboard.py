# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from odoo.addons.kepos_membership.lib.guard import kepos_action

SYNERGY_ONGOING = ('proposed', 'agreed', 'contracted', 'running')


class KeposDashboard(models.TransientModel):
    _inherit = 'kepos.dashboard'
    _kepos_client_fields = {}

    barter_balance = fields.Float(
        string='Barter balance (units)', compute='_compute_barter_balance')
    match_waiting_count = fields.Integer(
        string='Matches waiting', compute='_compute_match_waiting_count',
        help='Proposed matches of your offers and needs that nobody has '
             'followed up or dismissed yet.')
    synergy_ongoing_count = fields.Integer(
        string='Synergies in progress',
        compute='_compute_synergy_ongoing_count',
        groups='kepos_membership.group_kepos_staff')

    def _compute_barter_balance(self):
        # The balance is read whatever the account's rules: only on the
        # dashboard of the user itself (or for the staff).
        Account = self.env['kepos.barter.account']
        is_staff = self._kepos_has_role('staff')
        for dashboard in self:
            if dashboard.user_id != self.env.user and not is_staff:
                dashboard.barter_balance = 0.0
                continue
            dashboard.barter_balance = Account._for_partner(
                dashboard.member_id).balance

    def _match_waiting_domain(self):
        self.ensure_one()
        domain = [('state', '=', 'new')]
        if not self.is_staff:
            domain += ['|', ('need_partner_id', '=', self.member_id.id),
                       ('offer_partner_id', '=', self.member_id.id)]
        return domain

    def _compute_match_waiting_count(self):
        for dashboard in self:
            dashboard.match_waiting_count = self.env['kepos.match'].search_count(
                dashboard._match_waiting_domain())

    def _compute_synergy_ongoing_count(self):
        count = self.env['kepos.synergy'].search_count(
            [('state', 'in', SYNERGY_ONGOING)])
        for dashboard in self:
            dashboard.synergy_ongoing_count = count

    @api.multi
    @kepos_action(role='member', access='read')
    def action_view_waiting_matches(self):
        return self._action_of('kepos_synergy.action_kepos_match',
                               self._match_waiting_domain())

    @api.multi
    @kepos_action(role='staff', access='read')
    def action_view_ongoing_synergies(self):
        return self._action_of('kepos_synergy.action_kepos_synergy',
                               [('state', 'in', SYNERGY_ONGOING)])
