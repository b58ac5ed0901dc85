# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..lib.guard import GRANT_KEY, ServerGrant, kepos_action
from ..lib.guard import without_defaults

_EDITABLE = {'draft': [('readonly', False)],
             'convened': [('readonly', False)]}


class KeposAssembly(models.Model):
    """A general assembly of the members: convened, held (voting open),
    closed with its results frozen. Below the quorum on first call, it is
    recorded as such and a second call, without quorum, follows."""
    _name = 'kepos.assembly'
    _description = 'General assembly'
    _inherit = ['mail.thread', 'kepos.workflow.mixin']
    _order = 'date desc, id desc'

    # The staff prepare the assembly; the steps set its state and calls.
    _kepos_client_fields = dict.fromkeys(
        ('name', 'assembly_type', 'date', 'location', 'vote_by_college',
         'attendance_ids', 'resolution_ids', 'note'), 'staff')

    name = fields.Char(required=True, readonly=True, states=_EDITABLE)
    assembly_type = fields.Selection(
        [('ordinary', 'Ordinary'),
         ('extraordinary', 'Extraordinary'),
         ('mixed', 'Ordinary and extraordinary')],
        string='Type', required=True, default='ordinary', readonly=True,
        states=_EDITABLE)
    date = fields.Date(
        required=True, readonly=True, states=_EDITABLE,
        track_visibility='onchange',
        help='Members on this date vote.')
    location = fields.Char(readonly=True, states=_EDITABLE)
    call_number = fields.Integer(
        string='Call', default=1, required=True, readonly=True,
        help='A second call holds without quorum.')
    first_call_id = fields.Many2one(
        'kepos.assembly', string='First call', readonly=True, copy=False)
    company_id = fields.Many2one(
        'res.company', string='Cooperative', required=True, readonly=True,
        default=lambda self: self.env.ref('base.main_company'))
    state = fields.Selection(
        [('draft', 'Draft'),
         ('convened', 'Convened'),
         ('open', 'Voting open'),
         ('closed', 'Closed'),
         ('quorum_not_reached', 'Quorum not reached')],
        default='draft', required=True, readonly=True, copy=False,
        track_visibility='onchange', index=True)
    vote_by_college = fields.Boolean(
        string='Vote by colleges', readonly=True, states=_EDITABLE,
        default=lambda self: self.env.ref(
            'base.main_company').kepos_vote_by_college)
    attendance_ids = fields.One2many(
        'kepos.assembly.attendance', 'assembly_id', string='Attendance',
        copy=False)
    resolution_ids = fields.One2many(
        'kepos.resolution', 'assembly_id', string='Resolutions', copy=True)
    member_count = fields.Integer(
        string='Members', compute='_compute_quorum')
    present_count = fields.Integer(
        string='Members present', compute='_compute_quorum')
    represented_count = fields.Integer(
        string='Members represented', compute='_compute_quorum')
    attendance_percent = fields.Float(
        string='Present or represented (%)', compute='_compute_quorum',
        digits=(16, 2))
    quorum_required = fields.Float(
        string='Quorum (%)', compute='_compute_quorum', digits=(16, 2))
    quorum_reached = fields.Boolean(compute='_compute_quorum')
    note = fields.Html(string='Minutes notes')

    @api.depends('attendance_ids.status', 'call_number', 'assembly_type',
                 'company_id')
    def _compute_quorum(self):
        for assembly in self:
            lines = assembly.attendance_ids
            assembly.member_count = len(lines)
            assembly.present_count = len(
                lines.filtered(lambda l: l.status == 'present'))
            assembly.represented_count = len(
                lines.filtered(lambda l: l.status == 'represented'))
            voting = assembly.present_count + assembly.represented_count
            assembly.attendance_percent = (
                100.0 * voting / len(lines) if lines else 0.0)
            assembly.quorum_required = assembly._quorum_percent()
            assembly.quorum_reached = bool(voting) and (
                assembly.attendance_percent >= assembly.quorum_required)

    def _quorum_percent(self):
        if self.call_number > 1:
            return 0.0
        # Members of a child company cannot read the cooperative's settings.
        company = self.company_id.sudo()
        if self.assembly_type == 'ordinary':
            return company.kepos_quorum_ordinary
        return company.kepos_quorum_extraordinary

    @api.multi
    def unlink(self):
        # An assembly that voted is the record of its votes and results.
        if self.filtered(lambda a: a.state in ('open', 'closed')):
            raise UserError(_(
                'An assembly whose vote was opened cannot be deleted: its '
                'votes and results are the record of the cooperative.'))
        return super(KeposAssembly, self).unlink()

    def _check_minutes(self):
        for assembly in self:
            if assembly.state not in ('closed', 'quorum_not_reached'):
                raise UserError(_(
                    'The minutes of %s are printed once its vote is '
                    'closed: its results are not final yet.')
                    % assembly.name)

    @api.multi
    @kepos_action(role='staff', states=['draft', 'convened'])
    def action_load_members(self):
        """One attendance line, absent, for each member on the date of the
        assembly that has none yet."""
        Partner = self.env['res.partner']
        for assembly in self:
            members = Partner._kepos_members_at(
                assembly.date, assembly.company_id)
            missing = members - assembly.attendance_ids.mapped('partner_id')
            for partner in missing.sorted('name'):
                self.env['kepos.assembly.attendance'].create({
                    'assembly_id': assembly.id,
                    'partner_id': partner.id,
                })
        return True

    @api.multi
    @kepos_action(role='staff', states=['draft'])
    def action_convene(self):
        for assembly in self:
            if assembly.vote_by_college:
                self.env['kepos.college'].search(
                    [])._check_weights_of_statutes()
            if not assembly.resolution_ids:
                raise UserError(_(
                    'Add the resolutions on the agenda before convening '
                    'the assembly %s.') % assembly.name)
        self._kepos_server_write({'state': 'convened'})
        return self.action_load_members()

    @api.multi
    @kepos_action(role='manager', states=['convened'])
    def action_open(self):
        """Open the vote, or record that the quorum is not reached."""
        for assembly in self:
            assembly._kepos_server_write({'state': (
                'open' if assembly.quorum_reached else 'quorum_not_reached')})
        return True

    @api.multi
    @kepos_action(role='manager', states=['open'])
    def action_close(self):
        self.mapped('resolution_ids')._freeze_results()
        self._kepos_server_write({'state': 'closed'})
        return True

    @api.multi
    @kepos_action(role='staff', states=['quorum_not_reached'])
    def action_second_call(self):
        self.ensure_one()
        # The call number and the link to the first call are the server's.
        second = without_defaults(self).with_context(**{
            GRANT_KEY: ServerGrant(self._name, None)}).copy({
                'name': _('%s (second call)') % self.name,
                'call_number': 2,
                'first_call_id': self.id,
            }).with_env(self.env)
        return {
            'type': 'ir.actions.act_window',
            'res_model': self._name,
            'res_id': second.id,
            'view_mode': 'form',
        }

    @api.multi
    @kepos_action(role='member', access='read')
    def action_print_minutes(self):
        self._check_minutes()
        return self.env.ref(
            'kepos_membership.action_report_assembly_minutes'
        ).report_action(self)
