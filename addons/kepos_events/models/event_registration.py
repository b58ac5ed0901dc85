# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class EventRegistration(models.Model):
    _inherit = 'event.registration'

    kepos_event_kind = fields.Selection(
        related='event_id.kepos_event_kind', string='Kind', readonly=True)
    kepos_member_id = fields.Many2one(
        'res.partner', string='Company', compute='_compute_kepos_member_id',
        store=True, index=True,
        help='The company of the participant: record rules and the training '
             'hours per member use it.')
    kepos_is_mine = fields.Boolean(
        string='Of my company', compute='_compute_kepos_is_mine',
        search='_search_kepos_is_mine')
    # Training
    kepos_attendance_ids = fields.One2many(
        'kepos.training.attendance', 'registration_id', string='Attendance')
    kepos_hours_attended = fields.Float(
        string='Hours attended', compute='_compute_kepos_hours_attended')
    kepos_certificate_eligible = fields.Boolean(
        string='Certificate', compute='_compute_kepos_hours_attended',
        help='Present at least the hours the training requires.')
    # Business fair
    kepos_offer_tag_ids = fields.Many2many(
        'kepos.b2b.tag', 'kepos_registration_offer_tag_rel',
        'registration_id', 'tag_id', string='Offers')
    kepos_need_tag_ids = fields.Many2many(
        'kepos.b2b.tag', 'kepos_registration_need_tag_rel',
        'registration_id', 'tag_id', string='Looks for')
    kepos_b2b_description = fields.Text(string='Presentation')
    kepos_unavailable_slot_ids = fields.Many2many(
        'kepos.b2b.slot', 'kepos_registration_unavailable_slot_rel',
        'registration_id', 'slot_id', string='Unavailable slots',
        domain="[('event_id', '=', event_id)]")
    kepos_meeting_count = fields.Integer(
        string='B2B meetings', compute='_compute_kepos_meetings')

    @api.depends('partner_id.commercial_partner_id')
    def _compute_kepos_member_id(self):
        for registration in self:
            registration.kepos_member_id = \
                registration.partner_id.commercial_partner_id

    def _compute_kepos_is_mine(self):
        member = self.env.user.partner_id.commercial_partner_id
        for registration in self:
            registration.kepos_is_mine = registration.kepos_member_id == member

    def _search_kepos_is_mine(self, operator, value):
        member = self.env.user.partner_id.commercial_partner_id
        mine = (operator == '=') == bool(value)
        return [('kepos_member_id', '=' if mine else '!=', member.id)]

    @api.depends('kepos_attendance_ids.hours',
                 'event_id.kepos_certificate_min_hours')
    def _compute_kepos_hours_attended(self):
        for registration in self:
            hours = sum(registration.kepos_attendance_ids.mapped('hours'))
            threshold = registration.event_id.kepos_certificate_min_hours
            registration.kepos_hours_attended = hours
            registration.kepos_certificate_eligible = (
                registration.kepos_event_kind == 'training'
                and hours > 0 and hours >= threshold)

    def _kepos_meetings(self):
        self.ensure_one()
        return self.env['kepos.b2b.meeting'].search([
            '|', ('requester_id', '=', self.id),
            ('requested_id', '=', self.id)], order='date_start, id')

    def _compute_kepos_meetings(self):
        for registration in self:
            registration.kepos_meeting_count = len(
                registration._kepos_meetings())

    @api.multi
    def action_kepos_print_certificate(self):
        refused = self.filtered(lambda r: not r.kepos_certificate_eligible)
        if refused:
            raise UserError(_(
                'No certificate for %s: not enough hours attended.')
                % ', '.join(refused.mapped('name')))
        return self.env.ref(
            'kepos_events.action_report_training_certificate'
        ).report_action(self)

    @api.multi
    def action_kepos_print_agenda(self):
        return self.env.ref(
            'kepos_events.action_report_b2b_agenda').report_action(self)

    @api.multi
    def action_kepos_view_meetings(self):
        self.ensure_one()
        action = self.env.ref(
            'kepos_events.action_kepos_b2b_meeting').read()[0]
        action['domain'] = [('id', 'in', self._kepos_meetings().ids)]
        return action
