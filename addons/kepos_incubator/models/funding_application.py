# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.kepos_membership.lib.guard import kepos_action


class KeposFundingApplication(models.Model):
    """A member's application to a funding call, and its result."""
    _name = 'kepos.funding.application'
    _description = 'Funding application'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'kepos.workflow.mixin']
    _order = 'id desc'

    # A member prepares its own application (the partner is checked to be
    # its company); the team records the funder's answer. The state and the
    # submission date are the buttons'.
    _kepos_client_fields = {
        'call_id': 'member:create', 'partner_id': 'member',
        'amount_requested': 'member', 'note': 'member',
        'amount_obtained': 'staff',
    }

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
        self._check_own_partner(vals)
        # Checked before the insert, to answer a second application with
        # this message rather than the database's error. Read as superuser
        # only once the partner is known to be the caller's own (or the
        # caller is staff): the answer tells nothing of another member.
        partner_id = vals.get('partner_id') or self.default_get(
            ['partner_id']).get('partner_id')
        if self.sudo().search_count([('call_id', '=', vals.get('call_id')),
                                     ('partner_id', '=', partner_id)]):
            raise ValidationError(_('This member already applies to this call.'))
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if not self._kepos_trusted(creating=False):
            self._check_own_partner(vals)
            # A member prepares its application; once submitted, it is
            # what the funder received and only the team changes it.
            if not self._kepos_has_role('staff') and \
                    any(a.state != 'draft' for a in self):
                raise AccessError(_('A submitted application can only be '
                                    'changed by the Kèpos team.'))
        return super().write(vals)

    @api.model
    def _check_own_partner(self, vals):
        """A member applies for its own company only, and never hands an
        application to another member."""
        if 'partner_id' not in vals or self._kepos_has_role('staff'):
            return
        own = self.env.user.partner_id.commercial_partner_id
        if vals['partner_id'] != own.id:
            raise AccessError(_('You can only apply for your own company.'))

    @api.multi
    @kepos_action(role='member', states=['draft'])
    def action_submit(self):
        self._kepos_server_write({
            'state': 'submitted',
            'date_submitted': fields.Date.context_today(self)})

    # The amounts obtained feed the cooperative's support report, shown to
    # its own funders: the team records them from the funder's answer.
    @api.multi
    @kepos_action(role='staff', states=['submitted'])
    def action_grant(self):
        if any(a.amount_obtained <= 0 for a in self):
            raise UserError(_('Enter the amount obtained before recording the grant.'))
        self._kepos_server_write({'state': 'granted'})

    @api.multi
    @kepos_action(role='staff', states=['submitted'])
    def action_refuse(self):
        self._kepos_server_write({'state': 'refused', 'amount_obtained': 0.0})
