# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.kepos_membership.lib.guard import kepos_action

CLOSING_ACTIVITY = 'kepos_incubator.mail_activity_funding_call_closing'


class KeposFundingCall(models.Model):
    """A call for projects or a grant watched by the cooperative, matched
    with the members working on its themes."""
    _name = 'kepos.funding.call'
    _description = 'Funding call'
    _inherit = ['mail.thread', 'kepos.reminder.mixin', 'kepos.workflow.mixin']
    _order = 'date_close, id'

    # Members read the calls; the team writes them, and their applications
    # from the call's form. Who received the call is the server's.
    _kepos_client_fields = {
        name: 'staff' for name in (
            'name', 'funder_id', 'url', 'description', 'theme_ids',
            'industry_ids', 'eligible_structures', 'currency_id',
            'amount_min', 'amount_max', 'date_open', 'date_close', 'user_id',
            'reminder_days', 'application_ids')}

    name = fields.Char('Title', required=True, track_visibility='onchange')
    funder_id = fields.Many2one(
        'res.partner', string='Funder', required=True, track_visibility='onchange')
    url = fields.Char('Link')
    description = fields.Text()
    theme_ids = fields.Many2many('kepos.theme', string='Themes')
    industry_ids = fields.Many2many(
        'res.partner.industry', string='Eligible sectors',
        help='Leave empty when every sector is eligible.')
    eligible_structures = fields.Char(
        help='Who may apply, as the call says (e.g. SME, association, SCIC).')
    currency_id = fields.Many2one(
        'res.currency', default=lambda self: self.env.ref('base.main_company').currency_id)
    amount_min = fields.Monetary('Minimum amount')
    amount_max = fields.Monetary('Maximum amount')
    date_open = fields.Date('Opening date', required=True)
    date_close = fields.Date('Closing date', required=True, track_visibility='onchange')
    user_id = fields.Many2one(
        'res.users', string='Responsible', default=lambda self: self.env.user,
        help='Staff member reminded before the closing date.')
    reminder_days = fields.Integer(
        default=7, help='Days before the closing date when the reminder is due.')
    state = fields.Selection([
        ('draft', 'Draft'), ('open', 'Open'), ('closed', 'Closed'),
    ], required=True, default='draft', readonly=True, copy=False,
        track_visibility='onchange')
    # Which companies match or received a call is the team's: a member
    # reading the call (also through RPC) does not learn of the others.
    suggested_partner_ids = fields.Many2many(
        'res.partner', string='Suggested members',
        compute='_compute_suggested_partner_ids',
        groups='kepos_membership.group_kepos_staff')
    suggested_incubation_ids = fields.Many2many(
        'kepos.incubation', string='Suggested incubated projects',
        compute='_compute_suggested_partner_ids',
        groups='kepos_membership.group_kepos_staff')
    sent_partner_ids = fields.Many2many(
        'res.partner', 'kepos_funding_call_sent_rel', 'call_id', 'partner_id',
        string='Sent to', readonly=True, copy=False,
        groups='kepos_membership.group_kepos_staff')
    application_ids = fields.One2many('kepos.funding.application', 'call_id')
    application_count = fields.Integer(compute='_compute_application_count')

    @api.constrains('date_open', 'date_close')
    def _check_dates(self):
        for call in self:
            if call.date_close < call.date_open:
                raise ValidationError(_(
                    'The closing date of "%s" is before its opening date.') % call.name)

    @api.constrains('amount_min', 'amount_max')
    def _check_amounts(self):
        for call in self:
            if call.amount_min < 0 or (call.amount_max and call.amount_max < call.amount_min):
                raise ValidationError(_(
                    'The amount range of "%s" is not valid.') % call.name)

    @api.constrains('reminder_days')
    def _check_reminder_days(self):
        if any(call.reminder_days < 0 for call in self):
            raise ValidationError(_('The reminder cannot be after the closing date.'))

    @api.depends('theme_ids', 'industry_ids')
    def _compute_suggested_partner_ids(self):
        for call in self:
            call.suggested_partner_ids = call._find_matching_partners()
            call.suggested_incubation_ids = call._find_matching_incubations()

    def _find_matching_incubations(self):
        """Projects of the Serre à projets, still alive, sharing a theme."""
        if not self.theme_ids:
            return self.env['kepos.incubation']
        return self.env['kepos.incubation'].search([
            ('theme_ids', 'in', self.theme_ids.ids),
            ('stage_kind', '!=', 'abandoned')])

    def _find_matching_partners(self):
        """Member companies sharing a theme with the call, in an eligible sector."""
        if not self.theme_ids:
            return self.env['res.partner']
        domain = [('is_company', '=', True),
                  ('kepos_theme_ids', 'in', self.theme_ids.ids)]
        if self.industry_ids:
            domain.append(('industry_id', 'in', self.industry_ids.ids))
        return self.env['res.partner'].search(domain)

    def _compute_application_count(self):
        for call in self:
            call.application_count = len(call.application_ids)

    @api.multi
    @kepos_action(role='staff', states=['draft'])
    def action_open(self):
        self._kepos_server_write({'state': 'open'})

    @api.multi
    @kepos_action(role='staff', states=['open'])
    def action_close(self):
        self._kepos_server_write({'state': 'closed'})
        self._kepos_reminders(CLOSING_ACTIVITY).unlink()

    @api.multi
    @kepos_action(role='staff', states=['open'])
    def action_send_to_suggested(self):
        """Mail the call to the suggested members (their contacts with an
        e-mail address) and keep who received it."""
        for call in self:
            members = call.suggested_partner_ids
            if not members:
                raise UserError(_('No member matches the call "%s".') % call.name)
            recipients = (members | members.mapped('child_ids')).filtered('email')
            call.message_post(
                body=call._mail_body(),
                subject=_('Funding call: %s') % call.name,
                partner_ids=recipients.ids,
                message_type='comment', subtype='mail.mt_comment')
            call._kepos_server_write({
                'sent_partner_ids': [(4, member.id) for member in members]})

    def _mail_body(self):
        return _('<p>A funding call matches your activity: <b>%s</b> (%s).</p>'
                 '<p>Closing date: %s. %s</p><p>Contact the Kèpos team to '
                 'prepare your application.</p>') % (
            self.name, self.funder_id.name, self.date_close, self.url or '')

    def _schedule_reminders(self):
        """One reminder activity per open call, due N days before closing."""
        today = fields.Date.context_today(self)
        for call in self:
            if call.state != 'open' or call.date_close < today or \
                    not call.user_id:
                call._kepos_reminders(CLOSING_ACTIVITY).unlink()
                continue
            call._kepos_remind(
                CLOSING_ACTIVITY, call.date_close, call.reminder_days,
                _('Funding call "%s" closes on %s') % (
                    call.name, call.date_close),
                call.user_id)

    @api.model
    def create(self, vals):
        call = super().create(vals)
        call._schedule_reminders()
        return call

    @api.multi
    def write(self, vals):
        res = super().write(vals)
        if {'date_close', 'reminder_days', 'user_id', 'state'} & set(vals):
            self._schedule_reminders()
        return res

    @api.model
    def _cron_schedule_reminders(self):
        self.search([('state', '=', 'open')])._schedule_reminders()
