# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.kepos_membership.lib.guard import kepos_action

from ..models.b2b_scheduler import MAX_SLOTS, MAX_TABLES


class KeposB2bSlotWizard(models.TransientModel):
    """Cut a time range of a business fair into meeting slots separated
    by breaks, and add the tables that are missing."""
    _name = 'kepos.b2b.slot.wizard'
    _description = 'Generate B2B slots and tables'

    # The organisers' tool: action_generate checks the fair is theirs to
    # change and bounds what it builds.
    _kepos_client_fields = {
        'event_id': 'staff', 'date_start': 'staff', 'date_end': 'staff',
        'meeting_minutes': 'staff', 'break_minutes': 'staff',
        'table_count': 'staff',
    }

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
    @kepos_action(role='staff')
    def action_generate(self):
        self.ensure_one()
        event = self.event_id
        # The wizard is the user's own; the fair must be one the user may
        # change, and it is locked so that two generations do not race.
        event.check_access_rights('write')
        event.check_access_rule('write')
        self.env.cr.execute(
            'SELECT id FROM event_event WHERE id = %s FOR UPDATE',
            (event.id,))
        if self.meeting_minutes <= 0 or self.break_minutes < 0:
            raise UserError(_(
                'The meeting length must be positive and the break cannot '
                'be negative.'))
        if not 0 <= self.table_count <= MAX_TABLES:
            raise UserError(_(
                'A business fair has between 0 and %d tables.') % MAX_TABLES)
        start = fields.Datetime.from_string(self.date_start)
        end = fields.Datetime.from_string(self.date_end)
        length = timedelta(minutes=self.meeting_minutes)
        step = length + timedelta(minutes=self.break_minutes)
        # Counted before anything is built: one call never builds more
        # slots than a fair can use.
        count = 0 if start + length > end else (
            (end - start - length) // step + 1)
        if not count:
            raise UserError(_('No meeting fits between these two times.'))
        if count > MAX_SLOTS:
            raise UserError(_(
                'These times give %(count)d slots: a business fair has at '
                'most %(max)d. Make the meetings longer or the range '
                'shorter.') % {'count': count, 'max': MAX_SLOTS})
        new_tables = max(0, self.table_count - len(event.kepos_b2b_table_ids))
        event._kepos_check_b2b_size(slots=count, tables=new_tables)
        Slot = self.env['kepos.b2b.slot']
        for index in range(count):
            slot_start = start + index * step
            Slot.create({
                'event_id': event.id,
                'date_start': fields.Datetime.to_string(slot_start),
                'date_end': fields.Datetime.to_string(slot_start + length),
            })
        Table = self.env['kepos.b2b.table']
        for number in range(len(event.kepos_b2b_table_ids) + 1,
                            self.table_count + 1):
            Table.create({'event_id': event.id, 'sequence': number,
                          'name': _('Table %d') % number})
        return {'type': 'ir.actions.act_window_close'}
