# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError


class KeposFundingApplication(models.Model):
    """A member's application to a funding call, and its result."""
    _name = 'kepos.funding.application'
    _description = 'Funding application'
    _inherit = ['mail.thread', 'mail.activity.mixin']
    _order = 'id desc'

    call_id = fields.Many2one(
        'kepos.funding.call', string='Funding call', required=True,
        ondelete='restrict', index=True)
    partner_id = fields.Many2one(
        'res.partner', string='Member', required=True, index=True,
        domain=[('is_company', '=', True)],
        default=lambda self: self.env.user.partner_id.commercial_partner_id)
    state = fields.Selection([
        ('draft', 'In preparation'),
        ('submitted', 'Submitted'),
        ('granted', 'Granted'),
        ('refused', 'Refused'),
    ], required=True, default='draft', readonly=True, copy=False,
        track_visibility='onchange')
    currency_id = fields.Many2one(related='call_id.currency_id', readonly=True)
    amount_requested = fields.Monetary(track_visibility='onchange')
    amount_obtained = fields.Monetary(track_visibility='onchange')
    date_submitted = fields.Date(readonly=True, copy=False)
    year = fields.Integer(
        compute='_compute_year', store=True,
        help='Year of the call\'s closing date, for the yearly reports.')
    note = fields.Text()

    _sql_constraints = [
        ('call_partner_uniq', 'unique(call_id, partner_id)',
         'This member already applies to this call.'),
    ]

    @api.depends('call_id.date_close')
    def _compute_year(self):
        for application in self:
            if application.call_id.date_close:
                application.year = fields.Date.from_string(
                    application.call_id.date_close).year

    @api.constrains('amount_requested', 'amount_obtained')
    def _check_amounts(self):
        for application in self:
            if application.amount_requested < 0 or application.amount_obtained < 0:
                raise ValidationError(_('Amounts cannot be negative.'))

    def name_get(self):
        return [(a.id, '%s - %s' % (a.call_id.name, a.partner_id.name)) for a in self]

    @api.model
    def create(self, vals):
        if vals.get('state', 'draft') != 'draft':
            raise UserError(_('The state of an application changes only '
                              'through its buttons.'))
        if vals.get('amount_obtained'):
            self._check_staff()
        # Checked before the insert, to answer a second application with
        # this message rather than the database's error.
        partner_id = vals.get('partner_id') or self.default_get(
            ['partner_id']).get('partner_id')
        if self.sudo().search_count([('call_id', '=', vals.get('call_id')),
                                     ('partner_id', '=', partner_id)]):
            raise ValidationError(_('This member already applies to this call.'))
        return super().create(vals)

    @api.multi
    def write(self, vals):
        # The buttons check what each step needs (an amount to grant...).
        if 'state' in vals and not self._kepos_in_transition():
            raise UserError(_('The state of an application changes only '
                              'through its buttons.'))
        # The record rules check who the application belongs to before the
        # write, not after: a member must not hand it to another member.
        if 'partner_id' in vals and not self._is_staff():
            raise AccessError(_('Only the staff can move an application to '
                                'another member.'))
        if 'amount_obtained' in vals:
            self._check_staff()
        return super().write(vals)

    def _is_staff(self):
        return self.env.user.has_group('kepos_membership.group_kepos_staff')

    def _check_staff(self):
        # The amounts obtained feed the cooperative's support report, shown
        # to its own funders: the team records them from the funder's answer.
        if not self._is_staff():
            raise AccessError(_('Only the Kèpos team records the funder\'s '
                                'answer to an application.'))

    def _check_state(self, states):
        if any(a.state not in states for a in self):
            raise UserError(_('This application is not in a state that allows this action.'))

    @api.multi
    def action_submit(self):
        self._check_state(['draft'])
        self._kepos_transition({
            'state': 'submitted',
            'date_submitted': fields.Date.context_today(self)})

    @api.multi
    def action_grant(self):
        self._check_staff()
        self._check_state(['submitted'])
        if any(a.amount_obtained <= 0 for a in self):
            raise UserError(_('Enter the amount obtained before recording the grant.'))
        self._kepos_transition({'state': 'granted'})

    @api.multi
    def action_refuse(self):
        self._check_staff()
        self._check_state(['submitted'])
        self._kepos_transition({'state': 'refused', 'amount_obtained': 0.0})
