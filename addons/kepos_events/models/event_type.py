# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

KEPOS_EVENT_KINDS = [
    ('monthly_meeting', 'Monthly meeting'),
    ('training', 'Training'),
    ('round_table', 'Round table'),
    ('business_fair', 'Business fair'),
    ('general_assembly', 'General assembly'),
    ('other', 'Other'),
]


class EventType(models.Model):
    _inherit = 'event.type'

    _kepos_client_fields = {'kepos_event_kind': 'staff'}

    kepos_event_kind = fields.Selection(
        KEPOS_EVENT_KINDS,
        string='Kèpos kind',
        help='Events of this category get this kind, which decides the '
             'tabs shown on the event (minutes, training, B2B meetings).',
    )
