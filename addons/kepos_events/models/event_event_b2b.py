# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.kepos_membership.lib.guard import kepos_action

from . import b2b_scheduler
from .b2b_scheduler import (MAX_GRID, MAX_REQUESTS, MAX_REQUESTS_PER_SEAT,
                            MAX_SLOTS, MAX_TABLES)


class EventEventB2b(models.Model):
    """What a business fair adds to an event: slots, tables, meeting
    requests and the scheduling of the meetings."""
    _inherit = 'event.event'

    # The organisers set up the fair; requests and meetings have their own
    # rules and buttons.
    _kepos_client_fields = {
        'kepos_b2b_auto_accept': 'staff',
        'kepos_b2b_slot_ids': 'staff',
        'kepos_b2b_table_ids': 'staff',
    }

    kepos_b2b_auto_accept = fields.Boolean(
        string='Accept meeting requests automatically',
        help='Meeting requests are accepted as soon as they are made, '
             'without waiting for the requested participant.')
    kepos_b2b_slot_ids = fields.One2many(
        'kepos.b2b.slot', 'event_id', string='Slots')
    kepos_b2b_table_ids = fields.One2many(
        'kepos.b2b.table', 'event_id', string='Tables')
    kepos_b2b_request_ids = fields.One2many(
        'kepos.b2b.request', 'event_id', string='Meeting requests')
    kepos_b2b_meeting_ids = fields.One2many(
        'kepos.b2b.meeting', 'event_id', string='Meetings')
    kepos_b2b_request_count = fields.Integer(
        string='Requests', compute='_compute_kepos_b2b_counts')
    kepos_b2b_meeting_count = fields.Integer(
        string='Meetings placed', compute='_compute_kepos_b2b_counts')
    kepos_b2b_unplaced_count = fields.Integer(
        string='Requests not placed', compute='_compute_kepos_b2b_counts')

    @api.depends('kepos_b2b_request_ids.state',
                 'kepos_b2b_request_ids.unplaced_reason',
                 'kepos_b2b_meeting_ids')
    def _compute_kepos_b2b_counts(self):
        for event in self:
            requests = event.kepos_b2b_request_ids
            event.kepos_b2b_request_count = len(requests)
            event.kepos_b2b_meeting_count = len(event.kepos_b2b_meeting_ids)
            event.kepos_b2b_unplaced_count = len(
                requests.filtered('unplaced_reason'))

    def _kepos_check_b2b_size(self, slots=0, tables=0):
        """Refuse a fair bigger than any fair can use (with `slots` and
        `tables` more): it would tie up a server worker to build or to
        schedule."""
        for event in self:
            slot_count = len(event.sudo().kepos_b2b_slot_ids) + slots
            table_count = len(event.sudo().kepos_b2b_table_ids) + tables
            if (slot_count > MAX_SLOTS or table_count > MAX_TABLES
                    or slot_count * table_count > MAX_GRID):
                raise ValidationError(_(
                    'A business fair has at most %(slots)d B2B slots, '
                    '%(tables)d tables and %(grid)d table-slots (slots x '
                    'tables); %(event)s would have %(slot_count)d slots and '
                    '%(table_count)d tables.') % {
                        'slots': MAX_SLOTS, 'tables': MAX_TABLES,
                        'grid': MAX_GRID, 'event': event.name,
                        'slot_count': slot_count,
                        'table_count': table_count})

    @api.multi
    @kepos_action(role='staff')
    def action_kepos_b2b_schedule(self):
        """Place every accepted request in a slot and at a table.

        Confirmed meetings are kept when they are still possible; the rest
        is placed again from scratch by the scheduler."""
        Meeting = self.env['kepos.b2b.meeting']
        for event in self:
            if event.state == 'cancel':
                raise UserError(_('The event %s is cancelled.') % event.name)
            if not event.kepos_b2b_slot_ids or not event.kepos_b2b_table_ids:
                raise UserError(_(
                    'Set the slots and the tables of %s before scheduling.')
                    % event.name)
            # Two organisers scheduling the same fair at once would book
            # tables twice: the second one waits here.
            self.env.cr.execute(
                'SELECT id FROM event_event WHERE id = %s FOR UPDATE',
                (event.id,))
            event._kepos_check_b2b_size()
            accepted = event.kepos_b2b_request_ids.filtered(
                lambda r: r.state == 'accepted')
            seats = (len(event.kepos_b2b_slot_ids)
                     * len(event.kepos_b2b_table_ids))
            limit = min(MAX_REQUESTS, MAX_REQUESTS_PER_SEAT * seats)
            if len(accepted) > limit:
                raise UserError(_(
                    '%(event)s has %(count)d accepted meeting requests: at '
                    'most %(limit)d are scheduled at once (%(per_seat)d per '
                    'table and slot, %(max)d in all). Add tables or slots, '
                    'or decline requests.') % {
                        'event': event.name, 'count': len(accepted),
                        'limit': limit, 'per_seat': MAX_REQUESTS_PER_SEAT,
                        'max': MAX_REQUESTS})
            meetings = event.kepos_b2b_meeting_ids
            fixed = {m.request_id.id: (m.slot_id.id, m.table_id.id)
                     for m in meetings if m.confirmed}
            unavailable = {
                r.id: set(r.kepos_unavailable_slot_ids.ids)
                for r in event.registration_ids}
            result = b2b_scheduler.schedule(
                event.kepos_b2b_slot_ids.sorted('date_start').ids,
                event.kepos_b2b_table_ids.sorted(
                    lambda t: (t.sequence, t.id)).ids,
                [(r.id, r.requester_id.id, r.requested_id.id)
                 for r in accepted],
                unavailable, fixed)
            kept = meetings.filtered(
                lambda m: m.confirmed and result.placed.get(
                    m.request_id.id) == (m.slot_id.id, m.table_id.id))
            (meetings - kept).unlink()
            kept_requests = set(kept.mapped('request_id').ids)
            for request_id, (slot_id, table_id) in sorted(
                    result.placed.items()):
                if request_id not in kept_requests:
                    Meeting.create({'request_id': request_id,
                                    'slot_id': slot_id,
                                    'table_id': table_id})
            event.kepos_b2b_request_ids._kepos_server_write(
                {'unplaced_reason': False})
            for request in accepted:
                if request.id in result.unplaced:
                    request._kepos_server_write(
                        {'unplaced_reason': result.unplaced[request.id]})
        return True

    @api.multi
    @kepos_action(role='staff')
    def action_kepos_b2b_confirm(self):
        self.mapped('kepos_b2b_meeting_ids').write({'confirmed': True})
        return True

    @api.multi
    @kepos_action(role='member', access='read')
    def action_kepos_view_b2b_meetings(self):
        self.ensure_one()
        action = self.env.ref(
            'kepos_events.action_kepos_b2b_meeting').read()[0]
        action['domain'] = [('event_id', '=', self.id)]
        action['context'] = {'default_event_id': self.id}
        return action

    @api.multi
    @kepos_action(role='member', access='read')
    def action_kepos_view_b2b_requests(self):
        self.ensure_one()
        action = self.env.ref(
            'kepos_events.action_kepos_b2b_request').read()[0]
        action['domain'] = [('event_id', '=', self.id)]
        action['context'] = {'default_event_id': self.id}
        return action

    def _kepos_b2b_grid(self):
        """Rows of the organiser's grid: for each table, the meeting of
        each slot (or False), in the order of the slots."""
        self.ensure_one()
        slots = self.kepos_b2b_slot_ids.sorted('date_start')
        cell = {(m.table_id.id, m.slot_id.id): m
                for m in self.kepos_b2b_meeting_ids}
        return [(table, [cell.get((table.id, slot.id)) for slot in slots])
                for table in self.kepos_b2b_table_ids]
