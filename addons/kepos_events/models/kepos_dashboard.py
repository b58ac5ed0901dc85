# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

NEXT_EVENT_COUNT = 5
STAFF = 'kepos_membership.group_kepos_staff'


def _upcoming():
    return [('date_end', '>=', fields.Datetime.now()),
            ('state', 'in', ('draft', 'confirm'))]


class KeposDashboard(models.TransientModel):
    _inherit = 'kepos.dashboard'

    next_event_ids = fields.Many2many(
        'event.event', string='Next events', compute='_compute_next_events')
    next_fair_id = fields.Many2one(
        'event.event', string='Next business fair',
        compute='_compute_next_fair', groups=STAFF)
    b2b_request_waiting_count = fields.Integer(
        string='Meeting requests awaiting an answer',
        compute='_compute_next_fair', groups=STAFF)

    def _compute_next_events(self):
        events = self.env['event.event'].search(
            _upcoming(), order='date_begin', limit=NEXT_EVENT_COUNT)
        for dashboard in self:
            dashboard.next_event_ids = events

    def _compute_next_fair(self):
        fair = self.env['event.event'].search(
            _upcoming() + [('kepos_event_kind', '=', 'business_fair')],
            order='date_begin', limit=1)
        waiting = self.env['kepos.b2b.request'].search_count(
            [('event_id', '=', fair.id), ('state', '=', 'requested')])
        for dashboard in self:
            dashboard.next_fair_id = fair
            dashboard.b2b_request_waiting_count = waiting
