# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError


class KeposB2bSlotWizard(models.TransientModel):
    """Cut a time range of a business fair into meeting slots separated
    by breaks, and add the tables that are missing."""
    _name = 'kepos.b2b.slot.wizard'
    _description = 'Generate B2B slots and tables'

    event_id = fields.Many2one('event.event', string='Business fair',
                               required=True)
    date_start = fields.Datetime(string='First meeting at', required=True)
    date_end = fields.Datetime(string='Last meeting ends by', required=True)
    meeting_minutes = fields.Integer(string='Meeting length (minutes)',
                                     required=True, default=20)
    break_minutes = fields.Integer(string='Break between meetings (minutes)',
                                   default=5)
    table_count = fields.Integer(string='Number of tables', default=10)

    @api.model
    def default_get(self, fields_list):
        values = super(KeposB2bSlotWizard, self).default_get(fields_list)
        event = self.env['event.event'].browse(
            values.get('event_id') or self.env.context.get('active_id'))
        if event:
            values.setdefault('event_id', event.id)
            values.setdefault('date_start', event.date_begin)
            values.setdefault('date_end', event.date_end)
            values.setdefault('table_count',
                              len(event.kepos_b2b_table_ids) or 10)
        return values

    @api.multi
    def action_generate(self):
        self.ensure_one()
        if self.meeting_minutes <= 0 or self.break_minutes < 0:
            raise UserError(_(
                'The meeting length must be positive and the break cannot '
                'be negative.'))
        start = fields.Datetime.from_string(self.date_start)
        end = fields.Datetime.from_string(self.date_end)
        length = timedelta(minutes=self.meeting_minutes)
        step = length + timedelta(minutes=self.break_minutes)
        values = []
        while start + length <= end:
            values.append({
                'event_id': self.event_id.id,
                'date_start': fields.Datetime.to_string(start),
                'date_end': fields.Datetime.to_string(start + length),
            })
            start += step
        if not values:
            raise UserError(_('No meeting fits between these two times.'))
        Slot = self.env['kepos.b2b.slot']
        for vals in values:
            Slot.create(vals)
        Table = self.env['kepos.b2b.table']
        for number in range(len(self.event_id.kepos_b2b_table_ids) + 1,
                            self.table_count + 1):
            Table.create({'event_id': self.event_id.id, 'sequence': number,
                          'name': _('Table %d') % number})
        return {'type': 'ir.actions.act_window_close'}
