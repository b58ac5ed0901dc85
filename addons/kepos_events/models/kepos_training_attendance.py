# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class KeposTrainingAttendance(models.Model):
    _name = 'kepos.training.attendance'
    _description = 'Attendance at a training session'
    _order = 'session_id, registration_id'

    # The trainer (staff) takes the attendance; a line stays on its session
    # and participant, whose hours it counts.
    _kepos_client_fields = {
        'session_id': 'staff:create', 'registration_id': 'staff:create',
        'present': 'staff',
    }

    session_id = fields.Many2one(
        'kepos.training.session', string='Session', required=True,
        ondelete='cascade', index=True)
    event_id = fields.Many2one(
        related='session_id.event_id', string='Training', store=True,
        readonly=True)
    registration_id = fields.Many2one(
        'event.registration', string='Participant', required=True,
        ondelete='cascade', index=True)
    partner_id = fields.Many2one(
        related='registration_id.partner_id', string='Contact',
        readonly=True)
    present = fields.Boolean(string='Present', default=True)
    hours = fields.Float(
        string='Hours attended', compute='_compute_hours', store=True)

    _sql_constraints = [
        ('session_registration_unique', 'unique(session_id, registration_id)',
         'A participant has only one attendance line per session.'),
    ]

    @api.depends('present', 'session_id.duration')
    def _compute_hours(self):
        for line in self:
            line.hours = line.session_id.duration if line.present else 0.0

    @api.constrains('session_id', 'registration_id', 'present')
    def _check_event(self):
        for line in self:
            event = line.session_id.event_id
            if event.state == 'cancel':
                raise ValidationError(_(
                    'The event %s is cancelled: attendance cannot be '
                    'recorded.') % event.name)
            if line.registration_id.event_id != event:
                raise ValidationError(_(
                    '%s is not registered to the training %s.') % (
                        line.registration_id.name, event.name))
