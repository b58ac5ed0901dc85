# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

from odoo.addons.kepos_membership.lib.guard import kepos_action

UNPLACED_REASONS = [
    ('unavailable', 'No slot where both participants are available'),
    ('busy', 'Both participants are never free at the same time'),
    ('no_table', 'No table left in the slots where both are free'),
]


class KeposB2bRequest(models.Model):
    _name = 'kepos.b2b.request'
    _description = 'B2B meeting request'
    _inherit = ['mail.thread', 'kepos.workflow.mixin']
    _order = 'event_id, id desc'

    # Who asks whom at which fair is chosen once, from one's own
    # registration (checked in create); the state moves only through the
    # buttons, unplaced_reason is the scheduler's.
    _kepos_client_fields = {
        'event_id': 'member:create',
        'requester_id': 'member:create',
        'requested_id': 'member:create',
        'message': 'member',
    }

    event_id = fields.Many2one(
        'event.event', string='Business fair', required=True,
        ondelete='cascade', index=True,
        domain=[('kepos_event_kind', '=', 'business_fair')])
    requester_id = fields.Many2one(
        'event.registration', string='Requester', required=True,
        ondelete='cascade', index=True,
        domain="[('event_id', '=', event_id)]")
    requested_id = fields.Many2one(
        'event.registration', string='Requested participant', required=True,
        ondelete='cascade', index=True,
        domain="[('event_id', '=', event_id)]")
    requester_member_id = fields.Many2one(
        related='requester_id.kepos_member_id', string='Requester company',
        store=True, readonly=True)
    requested_member_id = fields.Many2one(
        related='requested_id.kepos_member_id', string='Requested company',
        store=True, readonly=True)
    message = fields.Text(string='Message')
    state = fields.Selection(
        [('requested', 'Requested'),
         ('accepted', 'Accepted'),
         ('declined', 'Declined')],
        string='Status', default='requested', required=True, readonly=True,
        index=True, track_visibility='onchange')
    meeting_ids = fields.One2many(
        'kepos.b2b.meeting', 'request_id', string='Meeting')
    unplaced_reason = fields.Selection(
        UNPLACED_REASONS, string='Not scheduled because', readonly=True,
        copy=False)

    _sql_constraints = [
        ('not_oneself', 'check(requester_id != requested_id)',
         'A participant cannot request a meeting with oneself.'),
        ('pair_unique', 'unique(requester_id, requested_id)',
         'This meeting was already requested.'),
    ]

    @api.multi
    def name_get(self):
        return [(r.id, '%s → %s' % (r.requester_id.name, r.requested_id.name))
                for r in self]

    @api.constrains('requester_id', 'requested_id', 'event_id')
    def _check_participants(self):
        # The record rules are checked after the constraints: read as
        # superuser so that a forbidden request fails on the rule.
        for request in self.sudo():
            if request.requester_id == request.requested_id:
                raise ValidationError(_(
                    'A participant cannot request a meeting with oneself.'))
            if (request.requester_id.event_id != request.event_id
                    or request.requested_id.event_id != request.event_id):
                raise ValidationError(_(
                    'Both participants must be registered to %s.')
                    % request.event_id.name)
            if request.event_id.kepos_event_kind != 'business_fair':
                raise ValidationError(_(
                    'B2B meetings are only requested at a business fair.'))
            if request.search_count([
                    ('id', '!=', request.id),
                    ('requester_id', '=', request.requester_id.id),
                    ('requested_id', '=', request.requested_id.id)]):
                raise ValidationError(_(
                    '%s already requested a meeting with %s.') % (
                        request.requester_id.name,
                        request.requested_id.name))

    @api.model
    def create(self, vals):
        # Checked before the insert (and before the reverse request below,
        # which no record rule sees) so that nobody asks in another's name
        # and the user reads these messages rather than the database's.
        vals = dict(self.default_get(
            ['event_id', 'requester_id', 'requested_id']), **vals)
        self._kepos_check_values(vals)
        self._check_new_request(vals)
        if self.sudo().search_count([
                ('requester_id', '=', vals.get('requester_id')),
                ('requested_id', '=', vals.get('requested_id'))]):
            raise ValidationError(_('This meeting was already requested.'))
        reverse = self.sudo().search([
            ('requester_id', '=', vals.get('requested_id')),
            ('requested_id', '=', vals.get('requester_id'))], limit=1)
        if reverse:
            # Both want to meet: one request stands for the pair, so the
            # scheduler never books the same two participants twice. The
            # caller is the participant the reverse request asked for: this
            # is its answer.
            if reverse.state != 'requested':
                raise ValidationError(_(
                    'A meeting between these two participants was already '
                    'requested.'))
            # No insert, so the fields the client sent are checked here.
            if not self._kepos_trusted(creating=True):
                self._kepos_check_client_fields(vals, creating=True)
            reverse = reverse.sudo(self.env.uid)
            reverse._kepos_server_write({'state': 'accepted'})
            if vals.get('message'):
                reverse.message_post(body=vals['message'])
            return reverse
        request = super(KeposB2bRequest, self).create(vals)
        if request.event_id.kepos_b2b_auto_accept:
            request._kepos_server_write({'state': 'accepted'})
        return request

    @api.model
    def _check_new_request(self, vals):
        """A request is made from one of the caller's own registrations
        (staff: any) to another participant of the same fair."""
        Registration = self.env['event.registration'].sudo()
        requester = Registration.browse(vals.get('requester_id') or [])
        requested = Registration.browse(vals.get('requested_id') or [])
        event = self.env['event.event'].sudo().browse(
            vals.get('event_id') or [])
        if not (requester.exists() and requested.exists()
                and event.exists()):
            raise ValidationError(_(
                'A meeting request needs a business fair, the requester '
                'and the requested participant.'))
        if not self._kepos_has_role('staff') and \
                requester.kepos_member_id != self._kepos_user_member():
            raise AccessError(_(
                'A meeting is requested only from a registration of your '
                'own company.'))
        if requester == requested:
            raise ValidationError(_(
                'A participant cannot request a meeting with oneself.'))
        if (requester.event_id != event or requested.event_id != event
                or 'cancel' in (requester.state, requested.state)):
            raise ValidationError(_(
                'Both participants must be registered to %s.') % event.name)
        if event.kepos_event_kind != 'business_fair':
            raise ValidationError(_(
                'B2B meetings are only requested at a business fair.'))
        if event.state in ('cancel', 'done'):
            raise ValidationError(_(
                'The business fair %s is over or cancelled.') % event.name)

    def _kepos_user_member(self):
        return self.env.user.partner_id.commercial_partner_id

    @api.multi
    def write(self, vals):
        # The requester writes its message; the other fields a client may
        # set are frozen after create (_kepos_client_fields).
        if 'message' in vals and not self._kepos_has_role('staff'):
            member = self._kepos_user_member()
            if self.filtered(lambda r: r.requester_member_id != member):
                raise AccessError(_(
                    'Only the requester writes the message of a meeting '
                    'request.'))
        return super(KeposB2bRequest, self).write(vals)

    def _check_answerable(self):
        """Only the requested participant's company, or the organisers on
        its behalf, answer a request."""
        if self._kepos_has_role('staff'):
            return
        member = self._kepos_user_member()
        if self.filtered(lambda r: r.requested_member_id != member):
            raise AccessError(_(
                'Only the requested participant answers a meeting request.'))

    @api.multi
    @kepos_action(role='member', states=['requested'])
    def action_accept(self):
        self._check_answerable()
        self._kepos_server_write({'state': 'accepted'})
        return True

    @api.multi
    @kepos_action(role='member', states=['requested', 'accepted'])
    def action_decline(self):
        self._check_answerable()
        # Checked above: the meetings of these requests are the caller's.
        self.sudo().mapped('meeting_ids').unlink()
        self._kepos_server_write({'state': 'declined',
                                  'unplaced_reason': False})
        return True
