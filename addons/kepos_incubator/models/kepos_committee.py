# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.kepos_membership.lib.guard import kepos_action


class KeposCommittee(models.Model):
    """The comité d'engagement: Kèpos and its funders decide on projects."""
    _name = 'kepos.committee'
    _description = 'Commitment committee'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'kepos.workflow.mixin']
    _order = 'date desc, id desc'

    # The team prepares and records committees (members have no access);
    # holding one applies its decisions, so the state moves only through
    # the buttons.
    _kepos_client_fields = {
        name: 'staff' for name in (
            'name', 'date', 'programme_id', 'funder_ids', 'attendee_ids',
            'deliberation', 'decision_ids')}

    name = fields.Char(required=True, track_visibility='onchange')
    date = fields.Date(required=True, track_visibility='onchange')
    programme_id = fields.Many2one('kepos.programme')
    funder_ids = fields.Many2many('res.partner', string='Funders invited')
    attendee_ids = fields.Many2many(
        'res.partner', 'kepos_committee_attendee_rel', 'committee_id',
        'partner_id', string='Attendees')
    deliberation = fields.Html(string='Deliberations')
    decision_ids = fields.One2many('kepos.committee.decision', 'committee_id',
                                   string='Decisions')
    state = fields.Selection([
        ('planned', 'Planned'),
        ('held', 'Held'),
        ('cancelled', 'Cancelled'),
    ], required=True, default='planned', readonly=True, copy=False,
        track_visibility='onchange')

    @api.multi
    @kepos_action(role='staff', states=['planned'])
    def action_hold(self):
        """Record that the committee met: its decisions take effect."""
        for committee in self:
            if not committee.decision_ids:
                raise UserError(_(
                    'Record at least one decision before closing the '
                    'committee "%s".') % committee.name)
            committee.decision_ids._check_applicable()
            committee._kepos_server_write({'state': 'held'})
            committee.decision_ids._apply()

    @api.multi
    @kepos_action(role='staff', states=['planned'])
    def action_cancel(self):
        self._kepos_server_write({'state': 'cancelled'})

    @api.multi
    @kepos_action(role='staff', states=['cancelled'])
    def action_reset(self):
        self._kepos_server_write({'state': 'planned'})
