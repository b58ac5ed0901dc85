# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

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
    _inherit = ['mail.thread', 'mail.activity.mixin']
    _order = 'date desc, id desc'

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
    ], string='Status', required=True, default='new', copy=False,
        track_visibility='onchange')

    def action_qualify(self):
        if self.filtered(lambda need: need.state != 'new'):
            raise UserError(_('Only new needs can be qualified.'))
        self.write({'state': 'qualified'})

    def action_address(self):
        for need in self:
            if need.state not in ('new', 'qualified'):
                raise UserError(_(
                    'The need "%s" is already addressed or dismissed.')
                    % need.name)
            if not need.incubation_ids:
                raise UserError(_(
                    'Link the need "%s" to an idea or a project before '
                    'marking it as addressed.') % need.name)
        self.write({'state': 'addressed'})

    def action_dismiss(self):
        if self.filtered(lambda need: need.state == 'addressed'):
            raise UserError(_(
                'A need addressed by a project cannot be dismissed.'))
        self.write({'state': 'dismissed'})

    def action_reset(self):
        self.write({'state': 'new'})

    @api.constrains('parent_id')
    def _check_parent_id(self):
        if not self._check_recursion():
            raise UserError(_('A need cannot be grouped under itself.'))
