# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.kepos_membership.lib.guard import kepos_action

# How long before the reporting deadline the officer is reminded.
REPORTING_NOTICE_DAYS = 30
REPORT_ACTIVITY = 'kepos_incubator.mail_activity_grant_report'


class KeposGrant(models.Model):
    """Money asked from a funder for a programme, a cohort or a project."""
    _name = 'kepos.grant'
    _description = 'Grant'
    _inherit = ['mail.thread', 'kepos.reminder.mixin', 'kepos.workflow.mixin']
    _order = 'request_date desc, id desc'

    # The team records grants (members have no access to them); the state
    # moves only through the buttons.
    _kepos_client_fields = {
        name: 'staff' for name in (
            'name', 'funder_id', 'programme_id', 'cohort_id', 'incubation_id',
            'user_id', 'company_id', 'amount_requested', 'amount_granted',
            'amount_received', 'request_date', 'grant_date', 'received_date',
            'period_start', 'period_end', 'reporting_deadline', 'note')}

    name = fields.Char(string='Object', required=True,
                       track_visibility='onchange')
    funder_id = fields.Many2one('res.partner', string='Funder', required=True,
                                index=True, track_visibility='onchange')
    programme_id = fields.Many2one('kepos.programme', index=True)
    cohort_id = fields.Many2one('kepos.cohort', index=True)
    incubation_id = fields.Many2one('kepos.incubation', string='Project',
                                    index=True)
    user_id = fields.Many2one('res.users', string='Responsible',
                              default=lambda self: self.env.user,
                              track_visibility='onchange')
    company_id = fields.Many2one('res.company', required=True,
                                 default=lambda self: self.env.user.company_id)
    currency_id = fields.Many2one(related='company_id.currency_id',
                                  readonly=True)
    amount_requested = fields.Monetary(required=True,
                                       track_visibility='onchange')
    amount_granted = fields.Monetary(track_visibility='onchange', copy=False)
    amount_received = fields.Monetary(track_visibility='onchange',
                                      copy=False)
    request_date = fields.Date(required=True,
                               default=fields.Date.context_today)
    grant_date = fields.Date(string='Decision date', copy=False)
    received_date = fields.Date(copy=False)
    period_start = fields.Date(string='Funded period from')
    period_end = fields.Date(string='Funded period to')
    reporting_deadline = fields.Date(track_visibility='onchange')
    state = fields.Selection([
        ('requested', 'Requested'),
        ('granted', 'Granted'),
        ('received', 'Received'),
        ('justified', 'Justified'),
        ('refused', 'Refused'),
    ], required=True, default='requested', readonly=True, copy=False,
        index=True, track_visibility='onchange')
    note = fields.Text()

    _sql_constraints = [
        ('amounts_positive',
         'CHECK(amount_requested > 0 AND amount_granted >= 0 '
         'AND amount_received >= 0)',
         'Grant amounts must be positive.'),
    ]

    @api.constrains('programme_id', 'cohort_id', 'incubation_id')
    def _check_target(self):
        for grant in self:
            if not (grant.programme_id or grant.cohort_id
                    or grant.incubation_id):
                raise ValidationError(_(
                    'Say what the grant "%s" finances: a programme, a cohort '
                    'or a project.') % grant.name)
            if grant.cohort_id and grant.programme_id and \
                    grant.cohort_id.programme_id != grant.programme_id:
                raise ValidationError(_(
                    'The cohort of the grant "%s" belongs to another '
                    'programme.') % grant.name)

    @api.constrains('amount_granted', 'amount_received')
    def _check_amounts(self):
        for grant in self:
            if grant.amount_received > grant.amount_granted:
                raise ValidationError(_(
                    'More money received than granted on "%s".')
                    % grant.name)

    # Amounts change under the row lock the decorator takes, so two users
    # cannot record the same payment twice; the amounts read before the
    # lock are dropped.
    @api.multi
    @kepos_action(role='staff', states=['requested'])
    def action_grant(self, amount=None, date=None):
        self.invalidate_cache()
        for grant in self:
            granted = amount if amount is not None else (
                grant.amount_granted or grant.amount_requested)
            if granted <= 0:
                raise UserError(_('A granted amount must be positive.'))
            grant._kepos_server_write({
                'state': 'granted',
                'amount_granted': granted,
                'grant_date': date or fields.Date.context_today(grant),
            })
        self._schedule_reporting_activity()

    @api.multi
    @kepos_action(role='staff', states=['granted'])
    def action_receive(self, amount=None, date=None):
        self.invalidate_cache()
        for grant in self:
            received = amount if amount is not None else grant.amount_granted
            if received <= 0:
                raise UserError(_('A received amount must be positive.'))
            if received > grant.amount_granted:
                raise UserError(_(
                    'More money received than granted on "%s".')
                    % grant.name)
            grant._kepos_server_write({
                'state': 'received',
                'amount_received': received,
                'received_date': date or fields.Date.context_today(grant),
            })

    @api.multi
    @kepos_action(role='staff', states=['received'])
    def action_justify(self):
        self._kepos_server_write({'state': 'justified'})
        self._kepos_reminders(REPORT_ACTIVITY).action_feedback(
            _('Report sent to the funder.'))

    @api.multi
    @kepos_action(role='staff', states=['requested'])
    def action_refuse(self):
        self._kepos_server_write({'state': 'refused'})

    def _schedule_reporting_activity(self):
        """One to-do per grant, due a month before the report is."""
        for grant in self.filtered(lambda g: g.reporting_deadline and
                                   g.state in ('granted', 'received')):
            grant._kepos_remind(
                REPORT_ACTIVITY, grant.reporting_deadline,
                REPORTING_NOTICE_DAYS,
                _('Report to %s before %s') % (
                    grant.funder_id.name, grant.reporting_deadline),
                grant.user_id or self.env.user)

    @api.model
    def create(self, vals):
        grant = super().create(vals)
        grant._schedule_reporting_activity()
        return grant

    def write(self, vals):
        result = super().write(vals)
        if 'reporting_deadline' in vals:
            self._schedule_reporting_activity()
        return result
