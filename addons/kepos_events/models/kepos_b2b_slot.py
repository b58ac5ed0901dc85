# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class KeposB2bSlot(models.Model):
    _name = 'kepos.b2b.slot'
    _description = 'B2B meeting time slot'
    _order = 'event_id, date_start, id'

    _kepos_client_fields = {
        'event_id': 'staff:create', 'date_start': 'staff', 'date_end': 'staff',
    }

    event_id = fields.Many2one(
        'event.event', string='Event', required=True, ondelete='cascade',
        index=True)
    name = fields.Char(string='Slot', compute='_compute_name', store=True)
    date_start = fields.Datetime(string='Start', required=True)
    date_end = fields.Datetime(string='End', required=True)

    @api.depends('date_start', 'date_end')
    def _compute_name(self):
        for slot in self:
            if not (slot.date_start and slot.date_end):
                slot.name = False
                continue
            start = fields.Datetime.context_timestamp(
                slot, fields.Datetime.from_string(slot.date_start))
            end = fields.Datetime.context_timestamp(
                slot, fields.Datetime.from_string(slot.date_end))
            slot.name = '%s-%s' % (start.strftime('%H:%M'),
                                   end.strftime('%H:%M'))

    @api.constrains('event_id')
    def _check_size(self):
        for event in self.mapped('event_id'):
            event._kepos_check_b2b_size()

    @api.constrains('date_start', 'date_end', 'event_id')
    def _check_dates(self):
        for slot in self:
            event = slot.event_id
            if slot.date_start >= slot.date_end:
                raise ValidationError(_(
                    'A B2B slot must end after it starts.'))
            if (slot.date_start < event.date_begin
                    or slot.date_end > event.date_end):
                raise ValidationError(_(
                    'The slot %s is outside the event %s.') % (
                        slot.name, event.name))
            overlapping = self.search([
                ('event_id', '=', event.id), ('id', '!=', slot.id),
                ('date_start', '<', slot.date_end),
                ('date_end', '>', slot.date_start)], limit=1)
            if overlapping:
                raise ValidationError(_(
                    'The slot %s overlaps the slot %s.') % (
                        slot.name, overlapping.name))
