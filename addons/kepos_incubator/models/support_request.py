# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.kepos_membership.lib.guard import kepos_action

SUPPORT_KINDS = [
    ('funding', 'Funding search'),
    ('tender', 'Tender answer'),
    ('organisation', 'Organisational consulting'),
    ('legal', 'Legal and administrative'),
    ('communication', 'Communication'),
    ('other', 'Other'),
]


class KeposSupportRequest(models.Model):
    """A member's request for help, from the ask to the outcome. Staff plan
    it as a task of the member's support project and log time on it."""
    _name = 'kepos.support.request'
    _description = 'Support request'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'kepos.workflow.mixin']
    _order = 'request_date desc, id desc'

    # A member asks for its own company (checked) and rates the support it
    # received; the team qualifies, plans, answers and invoices. The state,
    # the project, the task, the hours and the invoice are the server's.
    _kepos_client_fields = {
        'name': 'member', 'partner_id': 'member', 'kind': 'member',
        'description': 'member', 'urgency': 'member', 'deadline': 'member',
        'satisfaction': 'member', 'outcome': 'member',
        'coach_id': 'staff', 'service_id': 'staff',
        'dedicated_project': 'staff', 'decline_reason': 'staff',
    }

    name = fields.Char('Subject', required=True, track_visibility='onchange')
    partner_id = fields.Many2one(
        'res.partner', string='Member', required=True, index=True,
        domain=[('is_company', '=', True)],
        default=lambda self: self.env.user.partner_id.commercial_partner_id,
        track_visibility='onchange')
    kind = fields.Selection(SUPPORT_KINDS, required=True, track_visibility='onchange')
    description = fields.Text('Need')
    urgency = fields.Selection([
        ('low', 'Low'), ('normal', 'Normal'), ('high', 'High'),
    ], required=True, default='normal')
    deadline = fields.Date()
    request_date = fields.Date(
        required=True, default=fields.Date.context_today, readonly=True)
    year = fields.Integer(
        compute='_compute_year', store=True,
        help='Year of the request, for the yearly reports.')
    state = fields.Selection([
        ('new', 'New'),
        ('qualified', 'Qualified'),
        ('in_progress', 'In progress'),
        ('done', 'Done'),
        ('declined', 'Declined'),
    ], required=True, default='new', readonly=True, copy=False,
        track_visibility='onchange')
    coach_id = fields.Many2one(
        'res.users', string='Coach', track_visibility='onchange')
    service_id = fields.Many2one(
        'kepos.support.service', string='Service', track_visibility='onchange')
    billing = fields.Selection(related='service_id.billing', readonly=True)
    dedicated_project = fields.Boolean(
        help='Plan this large request in its own project rather than in '
             'the member\'s yearly support project.')
    project_id = fields.Many2one('project.project', readonly=True, copy=False)
    task_id = fields.Many2one('project.task', readonly=True, copy=False)
    hours = fields.Float(
        'Hours spent', compute='_compute_hours', store=True, compute_sudo=True,
        help='Time logged by the coaches on the request\'s task.')
    satisfaction = fields.Integer(
        help='The member\'s rating of the support, from 1 to 5.')
    outcome = fields.Text()
    decline_reason = fields.Text()
    invoice_id = fields.Many2one('account.invoice', readonly=True, copy=False)

    _sql_constraints = [
        ('satisfaction_range', 'CHECK(satisfaction IS NULL OR satisfaction = 0 '
         'OR (satisfaction >= 1 AND satisfaction <= 5))',
         'The satisfaction is rated from 1 to 5.'),
    ]

    @api.depends('request_date')
    def _compute_year(self):
        for request in self:
            request.year = fields.Date.from_string(request.request_date).year

    @api.depends('task_id.timesheet_ids.unit_amount')
    def _compute_hours(self):
        for request in self:
            request.hours = sum(request.task_id.timesheet_ids.mapped('unit_amount'))

    @api.constrains('satisfaction')
    def _check_satisfaction(self):
        for request in self:
            if request.satisfaction and not 1 <= request.satisfaction <= 5:
                raise ValidationError(_('The satisfaction is rated from 1 to 5.'))

    @api.constrains('satisfaction', 'state')
    def _check_satisfaction_when_done(self):
        for request in self:
            if request.satisfaction and request.state != 'done':
                raise ValidationError(_(
                    'The satisfaction can be given once the support is done.'))

    @api.model
    def create(self, vals):
        self._check_kind(vals)
        self._check_own_partner(vals)
        return super().create(vals)

    @api.model
    def _check_own_partner(self, vals):
        """A member asks for its own company, never in another's name."""
        if 'partner_id' not in vals or self._kepos_has_role('staff'):
            return
        own = self.env.user.partner_id.commercial_partner_id
        if vals['partner_id'] != own.id:
            raise AccessError(_('You can only ask for support for your own company.'))

    @api.model
    def _check_kind(self, vals):
        # Checked here to give a clear message instead of the database's
        # not-null error.
        kind = vals['kind'] if 'kind' in vals else self.default_get(['kind']).get('kind')
        if not kind:
            raise ValidationError(_('Choose the kind of support you need.'))

    @api.multi
    def write(self, vals):
        if 'kind' in vals:
            self._check_kind(vals)
        if not self._kepos_trusted(creating=False):
            self._check_own_partner(vals)
        return super().write(vals)

    @api.multi
    @kepos_action(role='staff', states=['new'])
    def action_qualify(self):
        for request in self:
            if not request.coach_id:
                raise UserError(_('Assign a coach before qualifying "%s".') % request.name)
        self._kepos_server_write({'state': 'qualified'})

    @api.multi
    @kepos_action(role='staff', states=['qualified'])
    def action_start(self):
        """Plan the request as a task of the member's support project (as
        superuser: the decorator has checked the caller is staff and may
        write these requests)."""
        for request in self:
            project = request._support_project()
            task = self.env['project.task'].sudo().create({
                'name': request.name,
                'project_id': project.id,
                'partner_id': request.partner_id.id,
                'user_id': request.coach_id.id,
                'date_deadline': request.deadline,
                'description': request.description,
            })
            request._kepos_server_write({
                'state': 'in_progress', 'project_id': project.id,
                'task_id': task.id})

    def _support_project(self):
        Project = self.env['project.project']
        if self.dedicated_project:
            return Project.sudo().create(Project._kepos_support_project_values(
                self.name, self.partner_id, self.year))
        return Project._kepos_support_project(self.partner_id, self.year)

    @api.multi
    @kepos_action(role='staff', states=['in_progress'])
    def action_done(self):
        self._kepos_server_write({'state': 'done'})

    @api.multi
    @kepos_action(role='staff', states=['new', 'qualified'])
    def action_decline(self):
        for request in self:
            if not request.decline_reason:
                raise UserError(_('Give the reason for declining "%s".') % request.name)
        self._kepos_server_write({'state': 'declined'})
