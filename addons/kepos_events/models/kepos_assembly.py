# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class KeposAssembly(models.Model):
    """A general assembly is also an event: invitations, registrations and
    the venue come from the event, the votes from the assembly."""
    _inherit = 'kepos.assembly'

    # The staff prepare the assembly and link the event that invites to it.
    _kepos_client_fields = {'event_id': 'staff'}

    event_id = fields.Many2one(
        'event.event', string='Event', ondelete='set null',
        domain=[('kepos_event_kind', '=', 'general_assembly')],
        help='The event that invites the members to this assembly.')

    @api.constrains('event_id')
    def _check_event_kind(self):
        for assembly in self.filtered('event_id'):
            if assembly.event_id.kepos_event_kind != 'general_assembly':
                raise ValidationError(_(
                    'The event %s is not a general assembly.')
                    % assembly.event_id.name)

    @api.onchange('event_id')
    def _onchange_event_id(self):
        if self.event_id:
            self.date = fields.Date.to_string(
                fields.Datetime.from_string(self.event_id.date_begin))
