# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class KeposB2bTable(models.Model):
    _name = 'kepos.b2b.table'
    _description = 'B2B meeting table'
    _order = 'event_id, sequence, id'

    _kepos_client_fields = {
        'event_id': 'staff:create', 'sequence': 'staff', 'name': 'staff',
    }

    event_id = fields.Many2one(
        'event.event', string='Event', required=True, ondelete='cascade',
        index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string='Table', required=True)

    _sql_constraints = [
        ('event_name_unique', 'unique(event_id, name)',
         'Two tables of an event cannot have the same name.'),
    ]

    @api.constrains('event_id')
    def _check_size(self):
        for event in self.mapped('event_id'):
            event._kepos_check_b2b_size()
