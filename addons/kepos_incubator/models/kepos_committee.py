# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, fields, models
from odoo.exceptions import UserError


class KeposCommittee(models.Model):
    """The comité d'engagement: Kèpos and its funders decide on projects."""
    _name = 'kepos.committee'
    _description = 'Commitment committee'
    _inherit = ['mail.thread', 'mail.activity.mixin']
    _order = 'date desc, id desc'

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
    ], required=True, default='planned', copy=False,
        track_visibility='onchange')

    def action_hold(self):
        """Record that the committee met: its decisions take effect."""
        for committee in self:
            if committee.state != 'planned':
                raise UserError(_('Only a planned committee can be held.'))
            if not committee.decision_ids:
                raise UserError(_(
                    'Record at least one decision before closing the '
                    'committee "%s".') % committee.name)
            committee.decision_ids._check_applicable()
            committee.state = 'held'
            committee.decision_ids._apply()

    def action_cancel(self):
        if self.filtered(lambda c: c.state != 'planned'):
            raise UserError(_('Only a planned committee can be cancelled.'))
        self.write({'state': 'cancelled'})

    def action_reset(self):
        if self.filtered(lambda c: c.state != 'cancelled'):
            raise UserError(_('Only a cancelled committee can be planned '
                              'again.'))
        self.write({'state': 'planned'})
