# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.kepos_membership.lib.guard import kepos_action

NEED_THEMES = [
    ('food', 'Food'),
    ('mobility', 'Mobility'),
    ('reuse', 'Re-use and repair'),
    ('energy', 'Energy'),
    ('care', 'Care and social link'),
    ('housing', 'Housing'),
    ('culture', 'Culture and leisure'),
    ('other', 'Other'),
]


class KeposTerritorialNeed(models.Model):
    """An unmet need heard on the territory: the raw material of ideas."""
    _name = 'kepos.territorial.need'
    _description = 'Territorial need'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'kepos.workflow.mixin']
    _order = 'date desc, id desc'

    # Members read the needs; the team collects and qualifies them.
    _kepos_client_fields = {
        name: 'staff' for name in (
            'name', 'description', 'source', 'theme', 'district', 'city',
            'qpv', 'date', 'reporter_id', 'user_id', 'programme_id',
            'parent_id', 'child_ids', 'incubation_ids')}

    name = fields.Char(string='Need', required=True,
                       track_visibility='onchange')
    description = fields.Text()
    source = fields.Selection([
        ('survey', 'Resident survey'),
        ('elected', 'Elected official'),
        ('association', 'Association'),
        ('company', 'Company'),
        ('round_table', 'Round table'),
        ('other', 'Other'),
    ], required=True, default='survey', track_visibility='onchange')
    theme = fields.Selection(NEED_THEMES, required=True, default='other',
                             track_visibility='onchange')
    district = fields.Char(string='District')
    city = fields.Char(string='Commune', required=True, default='Nancy')
    qpv = fields.Boolean(
        string='Priority district (QPV)',
        help='The need was heard in a priority district of the city '
             'policy (quartier prioritaire de la politique de la ville).')
    date = fields.Date(required=True, default=fields.Date.context_today,
                       track_visibility='onchange')
    reporter_id = fields.Many2one('res.partner', string='Reported by',
                                  help='Who told us about this need.')
    user_id = fields.Many2one('res.users', string='Collected by',
                              default=lambda self: self.env.user)
    programme_id = fields.Many2one('kepos.programme')
    parent_id = fields.Many2one(
        'kepos.territorial.need', string='Grouped under', index=True,
        ondelete='set null',
        help='Similar needs are grouped under one main need.')
    child_ids = fields.One2many('kepos.territorial.need', 'parent_id',
                                string='Grouped needs')
    incubation_ids = fields.Many2many(
        'kepos.incubation', 'kepos_incubation_need_rel', 'need_id',
        'incubation_id', string='Ideas and projects')
    state = fields.Selection([
        ('new', 'New'),
        ('qualified', 'Qualified'),
        ('addressed', 'Addressed by a project'),
        ('dismissed', 'Dismissed'),
    ], string='Status', required=True, default='new', readonly=True,
        copy=False, track_visibility='onchange')

    @api.multi
    @kepos_action(role='staff', states=['new'])
    def action_qualify(self):
        self._kepos_server_write({'state': 'qualified'})

    @api.multi
    @kepos_action(role='staff', states=['new', 'qualified'])
    def action_address(self):
        for need in self:
            if not need.incubation_ids:
                raise UserError(_(
                    'Link the need "%s" to an idea or a project before '
                    'marking it as addressed.') % need.name)
        self._kepos_server_write({'state': 'addressed'})

    # A need addressed by a project is not dismissed: dismiss is offered
    # from new and qualified only.
    @api.multi
    @kepos_action(role='staff', states=['new', 'qualified'])
    def action_dismiss(self):
        self._kepos_server_write({'state': 'dismissed'})

    @api.multi
    @kepos_action(role='staff', states=['dismissed'])
    def action_reset(self):
        self._kepos_server_write({'state': 'new'})

    @api.constrains('parent_id')
    def _check_parent_id(self):
        if not self._check_recursion():
            raise UserError(_('A need cannot be grouped under itself.'))
