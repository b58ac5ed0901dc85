# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.kepos_membership.lib.guard import kepos_action


class KeposB2bMeeting(models.Model):
    _name = 'kepos.b2b.meeting'
    _description = 'Scheduled B2B meeting'
    _order = 'date_start, table_id, id'

    # The organisers place meetings (or the scheduler does); members only
    # read theirs.
    _kepos_client_fields = {
        'request_id': 'staff', 'slot_id': 'staff', 'table_id': 'staff',
        'confirmed': 'staff',
    }

    request_id = fields.Many2one(
        'kepos.b2b.request', string='Request', required=True,
        ondelete='cascade', index=True)
    event_id = fields.Many2one(
        related='request_id.event_id', string='Business fair', store=True,
        readonly=True, index=True)
    requester_id = fields.Many2one(
        related='request_id.requester_id', string='Requester', store=True,
        readonly=True, index=True)
    requested_id = fields.Many2one(
        related='request_id.requested_id', string='Requested participant',
        store=True, readonly=True, index=True)
    requester_member_id = fields.Many2one(
        related='request_id.requester_member_id', store=True, readonly=True,
        string='Requester company')
    requested_member_id = fields.Many2one(
        related='request_id.requested_member_id', store=True, readonly=True,
        string='Requested company')
    slot_id = fields.Many2one(
        'kepos.b2b.slot', string='Slot', required=True, ondelete='restrict',
        index=True)
    date_start = fields.Datetime(
        related='slot_id.date_start', string='Start', store=True,
        readonly=True)
    table_id = fields.Many2one(
        'kepos.b2b.table', string='Table', required=True,
        ondelete='restrict')
    kepos_is_mine = fields.Boolean(
        string='Mine', compute='_compute_kepos_is_mine',
        search='_search_kepos_is_mine',
        help='One of the two participants is of my company.')
    confirmed = fields.Boolean(
        string='Confirmed',
        help='Confirmed meetings stay where they are when the organiser '
             'schedules again.')

    _sql_constraints = [
        ('slot_table_unique', 'unique(slot_id, table_id)',
         'A table cannot host two meetings in the same slot.'),
        ('request_unique', 'unique(request_id)',
         'A request gives one meeting only.'),
    ]

    def _compute_kepos_is_mine(self):
        member = self.env.user.partner_id.commercial_partner_id
        for meeting in self:
            meeting.kepos_is_mine = member in (
                meeting.requester_member_id | meeting.requested_member_id)

    def _search_kepos_is_mine(self, operator, value):
        member = self.env.user.partner_id.commercial_partner_id.id
        if (operator == '=') == bool(value):
            return ['|', ('requester_member_id', '=', member),
                    ('requested_member_id', '=', member)]
        return [('requester_member_id', '!=', member),
                ('requested_member_id', '!=', member)]

    @api.multi
    def name_get(self):
        return [(m.id, '%s: %s / %s' % (
            m.slot_id.name, m.requester_id.name, m.requested_id.name))
            for m in self]

    @api.constrains('request_id', 'slot_id', 'table_id')
    def _check_meeting(self):
        for meeting in self:
            request = meeting.request_id
            if request.state != 'accepted':
                raise ValidationError(_(
                    'Only accepted requests become meetings.'))
            if (meeting.slot_id.event_id != request.event_id
                    or meeting.table_id.event_id != request.event_id):
                raise ValidationError(_(
                    'The slot and the table must belong to %s.')
                    % request.event_id.name)
            for participant in (meeting.requester_id, meeting.requested_id):
                if meeting.slot_id in participant.kepos_unavailable_slot_ids:
                    raise ValidationError(_(
                        '%s is not available in the slot %s.') % (
                            participant.name, meeting.slot_id.name))
                if self.search_count([
                        ('id', '!=', meeting.id),
                        ('slot_id', '=', meeting.slot_id.id),
                        '|', ('requester_id', '=', participant.id),
                        ('requested_id', '=', participant.id)]):
                    raise ValidationError(_(
                        '%s already has a meeting in the slot %s.') % (
                            participant.name, meeting.slot_id.name))

    @api.multi
    @kepos_action(role='staff')
    def action_confirm(self):
        self.write({'confirmed': True})
        return True

    @api.multi
    @kepos_action(role='staff')
    def action_unconfirm(self):
        self.write({'confirmed': False})
        return True
