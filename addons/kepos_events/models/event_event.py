# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.kepos_membership.lib.guard import kepos_action

from .event_type import KEPOS_EVENT_KINDS


class EventEvent(models.Model):
    _inherit = ['event.event', 'mail.activity.mixin']
    _name = 'event.event'

    # The organisers (Odoo's event managers through the Kèpos staff group)
    # describe the event and write its minutes; members read them.
    _kepos_client_fields = {
        'kepos_event_kind': 'staff',
        'kepos_speaker_ids': 'staff',
        'kepos_minutes': 'staff',
        'kepos_decisions': 'staff',
        'kepos_followup_ids': 'staff',
    }

    # Cooperative events are shared by every member company: with a company
    # set, Odoo's multi-company rule would hide them from members' users.
    company_id = fields.Many2one(default=False)
    kepos_event_kind = fields.Selection(
        KEPOS_EVENT_KINDS,
        string='Kind',
        default='other',
        required=True,
        index=True,
        track_visibility='onchange',
    )
    kepos_speaker_ids = fields.One2many(
        'kepos.event.speaker', 'event_id', string='Speakers and guests')
    kepos_minutes = fields.Html(string='Minutes')
    kepos_decisions = fields.Html(string='Decisions')
    kepos_followup_ids = fields.One2many(
        'kepos.event.followup', 'event_id', string='Follow-up actions')

    @api.onchange('event_type_id')
    def _onchange_kepos_event_kind(self):
        if self.event_type_id.kepos_event_kind:
            self.kepos_event_kind = self.event_type_id.kepos_event_kind

    @api.multi
    @kepos_action(role='member', access='read')
    def action_kepos_register(self):
        """Register the current user, so that members need no access to
        anybody else's contact to sign up."""
        self.ensure_one()
        if self.state in ('cancel', 'done'):
            raise UserError(_('Registrations to %s are closed.') % self.name)
        partner = self.env.user.partner_id
        Registration = self.env['event.registration']
        if Registration.search_count([('event_id', '=', self.id),
                                      ('partner_id', '=', partner.id),
                                      ('state', '!=', 'cancel')]):
            raise UserError(_('You are already registered to %s.')
                            % self.name)
        registration = Registration.create({
            'event_id': self.id,
            'partner_id': partner.id,
            'name': partner.name,
            'email': partner.email,
            'phone': partner.phone,
        })
        return {
            'type': 'ir.actions.act_window',
            'res_model': 'event.registration',
            'res_id': registration.id,
            'view_mode': 'form',
            'target': 'current',
        }

    @api.multi
    @kepos_action(role='staff')
    def action_kepos_create_followups(self):
        """Turn the follow-up lines of the minutes into activities in the
        assignees' to-do lists; lines already turned are left alone."""
        for event in self:
            lines = event.kepos_followup_ids.filtered(
                lambda l: not l.activity_id)
            if not lines:
                raise UserError(_(
                    'There is no new follow-up action to assign on %s.')
                    % event.name)
            for line in lines:
                line._create_activity()
        return True


class EventEventTraining(models.Model):
    """What a training adds to an event: trainer, programme, sessions and
    the attendance needed for a certificate."""
    _inherit = 'event.event'

    _kepos_client_fields = {
        'kepos_trainer_id': 'staff',
        'kepos_programme': 'staff',
        'kepos_session_ids': 'staff',
        'kepos_certificate_min_hours': 'staff',
    }

    kepos_trainer_id = fields.Many2one('res.partner', string='Trainer')
    kepos_programme = fields.Html(string='Programme')
    kepos_session_ids = fields.One2many(
        'kepos.training.session', 'event_id', string='Sessions')
    kepos_training_hours = fields.Float(
        string='Duration (hours)', compute='_compute_kepos_training_hours',
        help='Sum of the durations of the sessions.')
    kepos_certificate_min_hours = fields.Float(
        string='Hours for a certificate',
        help='Attendees present at least this many hours receive a '
             'training certificate.')

    @api.depends('kepos_session_ids.duration')
    def _compute_kepos_training_hours(self):
        for event in self:
            event.kepos_training_hours = sum(
                event.kepos_session_ids.mapped('duration'))
