# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

UNPLACED_REASONS = [
    ('unavailable', 'No slot where both participants are available'),
    ('busy', 'Both participants are never free at the same time'),
    ('no_table', 'No table left in the slots where both are free'),
]


class KeposB2bRequest(models.Model):
    _name = 'kepos.b2b.request'
    _description = 'B2B meeting request'
    _inherit = ['mail.thread']
    _order = 'event_id, id desc'

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
        if vals.get('state', 'requested') != 'requested' \
                or vals.get('unplaced_reason'):
            self._check_staff_answer()
        # Checked before the insert so that the user reads these messages
        # rather than the database's.
        if vals.get('requester_id') == vals.get('requested_id'):
            raise ValidationError(_(
                'A participant cannot request a meeting with oneself.'))
        if self.sudo().search_count([
                ('requester_id', '=', vals.get('requester_id')),
                ('requested_id', '=', vals.get('requested_id'))]):
            raise ValidationError(_('This meeting was already requested.'))
        reverse = self.sudo().search([
            ('requester_id', '=', vals.get('requested_id')),
            ('requested_id', '=', vals.get('requester_id'))], limit=1)
        if reverse:
            # Both want to meet: one request stands for the pair, so the
            # scheduler never books the same two participants twice.
            if reverse.state != 'requested':
                raise ValidationError(_(
                    'A meeting between %s and %s was already requested.') % (
                        reverse.requester_id.name,
                        reverse.requested_id.name))
            reverse.write({'state': 'accepted'})
            if vals.get('message'):
                reverse.message_post(body=vals['message'])
            return reverse.sudo(self.env.uid)
        request = super(KeposB2bRequest, self).create(vals)
        if request.event_id.kepos_b2b_auto_accept:
            request.sudo().write({'state': 'accepted'})
        return request

    @api.multi
    def write(self, vals):
        if {'state', 'unplaced_reason'} & set(vals):
            self._check_staff_answer()
        return super(KeposB2bRequest, self).write(vals)

    @api.model
    def _check_staff_answer(self):
        # The requested participant answers with the buttons, which check
        # who answers; the organisers and the scheduler set these directly.
        if not self.env.user.has_group('kepos_membership.group_kepos_staff'):
            raise UserError(_('A meeting request is answered only through '
                              'its buttons.'))

    def _check_answerable(self):
        """Only the requested participant's company, or the organisers,
        answer a request."""
        if self.env.user.has_group('kepos_membership.group_kepos_staff'):
            return
        member = self.env.user.partner_id.commercial_partner_id
        for request in self:
            if request.requested_member_id != member:
                raise UserError(_(
                    'Only %s can answer this meeting request.')
                    % request.requested_id.name)

    @api.multi
    def action_accept(self):
        self._check_answerable()
        if self.filtered(lambda r: r.state == 'accepted'):
            raise UserError(_('This meeting request is already accepted.'))
        self.sudo().write({'state': 'accepted'})
        return True

    @api.multi
    def action_decline(self):
        self._check_answerable()
        if self.filtered(lambda r: r.state == 'declined'):
            raise UserError(_('This meeting request is already declined.'))
        self.sudo().mapped('meeting_ids').unlink()
        self.sudo().write({'state': 'declined', 'unplaced_reason': False})
        return True
