# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.kepos_membership.lib.guard import kepos_action


class EventRegistration(models.Model):
    _inherit = 'event.registration'

    # A member registers its own people (the record rules and write()
    # check the company) and presents them for the fair; the event is
    # chosen once. Hours, meetings and the company are the server's.
    _kepos_client_fields = {
        'event_id': 'member:create',
        'partner_id': 'member',
        'kepos_offer_tag_ids': 'member',
        'kepos_need_tag_ids': 'member',
        'kepos_b2b_description': 'member',
        'kepos_unavailable_slot_ids': 'member',
    }

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

    @api.multi
    def write(self, vals):
        # Used below before the ORM converts them: a word for a record gets
        # a clean error, not a database one.
        self._kepos_check_values({name: vals[name] for name in
                                  ('event_id', 'partner_id') if name in vals})
        # A client never changes the event (_kepos_client_fields: the guard
        # refuses it); the server neither, once it has attendance or
        # requests.
        if 'event_id' in vals and self._kepos_trusted(creating=False):
            self._kepos_check_event_frozen(vals['event_id'])
        if vals.get('partner_id') and not self._kepos_has_role('staff'):
            # The record rule checks the registration before the write,
            # not the contact it is given: another company's contact would
            # make requests and meetings appear in that company's name.
            partner = self.env['res.partner'].sudo().browse(
                vals['partner_id'])
            if partner.commercial_partner_id != \
                    self.env.user.partner_id.commercial_partner_id:
                raise AccessError(_(
                    'A registration is for a person of your own company.'))
        return super(EventRegistration, self).write(vals)

    def _kepos_check_event_frozen(self, event_id):
        """Attendance and meeting requests belong to the event the
        registration was made for: it cannot move to another one."""
        # Read as superuser: a member sees only its own attendance and
        # requests, but the rule holds for all of them.
        for registration in self.sudo():
            if registration.event_id.id == event_id:
                continue
            requests = self.env['kepos.b2b.request'].sudo().search_count([
                '|', ('requester_id', '=', registration.id),
                ('requested_id', '=', registration.id)])
            if registration.kepos_attendance_ids or requests:
                raise UserError(_(
                    'The registration %s has attendance or meeting '
                    'requests: it cannot move to another event.')
                    % registration.name)

    @api.constrains('kepos_unavailable_slot_ids', 'event_id')
    def _check_kepos_unavailable_slots(self):
        for registration in self:
            if registration.kepos_unavailable_slot_ids.filtered(
                    lambda s: s.event_id != registration.event_id):
                raise ValidationError(_(
                    'The unavailable slots of %s must be slots of its '
                    'event.') % registration.name)

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

    def _kepos_check_own(self):
        """Certificates and agendas are printed for one's own people
        (staff: anybody's): the registrations the user may change."""
        self.check_access_rights('write')
        self.check_access_rule('write')

    @api.multi
    @kepos_action(role='member')
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
    @kepos_action(role='member')
    def action_kepos_print_agenda(self):
        return self.env.ref(
            'kepos_events.action_report_b2b_agenda').report_action(self)

    @api.multi
    @kepos_action(role='member', access='read')
    def action_kepos_view_meetings(self):
        self.ensure_one()
        action = self.env.ref(
            'kepos_events.action_kepos_b2b_meeting').read()[0]
        action['domain'] = [('id', 'in', self._kepos_meetings().ids)]
        return action
