# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.kepos_membership.lib.guard import kepos_action


class KeposTrainingSession(models.Model):
    _name = 'kepos.training.session'
    _description = 'Training session'
    _order = 'date_start, id'

    _kepos_client_fields = {
        'event_id': 'staff:create', 'name': 'staff', 'date_start': 'staff',
        'duration': 'staff', 'attendance_ids': 'staff',
    }

    event_id = fields.Many2one(
        'event.event', string='Training', required=True, ondelete='cascade',
        index=True, domain=[('kepos_event_kind', '=', 'training')])
    name = fields.Char(string='Subject', required=True)
    date_start = fields.Datetime(string='Start', required=True)
    duration = fields.Float(string='Duration (hours)', required=True,
                            default=3.0)
    attendance_ids = fields.One2many(
        'kepos.training.attendance', 'session_id', string='Attendance')

    @api.constrains('duration')
    def _check_duration(self):
        for session in self:
            if session.duration <= 0:
                raise ValidationError(_(
                    'A training session must last a positive number of '
                    'hours.'))

    @api.multi
    @kepos_action(role='staff')
    def action_fill_attendance(self):
        """One attendance line for each confirmed registration, present by
        default: the trainer then ticks off the absent ones."""
        for session in self:
            if session.event_id.state == 'cancel':
                raise UserError(_(
                    'The training %s is cancelled: attendance cannot be '
                    'taken.') % session.event_id.name)
            known = session.attendance_ids.mapped('registration_id')
            registrations = session.event_id.registration_ids.filtered(
                lambda r: r.state in ('open', 'done') and r not in known)
            for registration in registrations:
                self.env['kepos.training.attendance'].create({
                    'session_id': session.id,
                    'registration_id': registration.id,
                    'present': True,
                })
        return True
