# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class KeposEventSpeaker(models.Model):
    _name = 'kepos.event.speaker'
    _description = 'Event speaker or guest'
    _order = 'event_id, sequence, id'

    _kepos_client_fields = {
        'event_id': 'staff:create', 'sequence': 'staff', 'partner_id': 'staff',
        'role': 'staff', 'institution': 'staff', 'topic': 'staff',
    }

    event_id = fields.Many2one(
        'event.event', string='Event', required=True, ondelete='cascade',
        index=True)
    sequence = fields.Integer(default=10)
    partner_id = fields.Many2one('res.partner', string='Person',
                                 required=True)
    role = fields.Selection(
        [('speaker', 'Speaker'),
         ('academic', 'Academic'),
         ('official', 'Elected official'),
         ('guest', 'Guest')],
        string='Role', default='speaker', required=True)
    institution = fields.Char(
        string='Institution',
        help='University, local authority or organisation the person '
             'speaks for, printed on the minutes.')
    topic = fields.Char(string='Topic')
