# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models

from ..lib.guard import kepos_action

MANAGER = 'kepos_membership.group_kepos_manager'


class KeposDashboard(models.TransientModel):
    """The home screen of the Kèpos app: a few figures for the person who
    opens it, with links to the lists behind them.

    A transient record per opening, so that every user reads figures
    computed at that moment with their own rights. This add-on gives the
    sections (member, staff, manager) and the capital figures; the other
    add-ons add their fields here and their tiles to the view."""
    _name = 'kepos.dashboard'
    _description = 'Kèpos dashboard'
    # Nothing a client sets: the dashboard is the caller's (user_id is its
    # default, the caller) and only shows figures.
    _kepos_client_fields = {}

    name = fields.Char(default=lambda self: _('Dashboard'), readonly=True)
    user_id = fields.Many2one('res.users', default=lambda self: self.env.user,
                              readonly=True)
    member_id = fields.Many2one(related='user_id.kepos_member_id',
                                string='Member', readonly=True)
    is_staff = fields.Boolean(string='Staff', compute='_compute_is_staff')
    company_id = fields.Many2one(related='user_id.company_id', readonly=True)
    currency_id = fields.Many2one(related='company_id.currency_id',
                                  readonly=True)
    # The caller's own holding (member_id is the caller's member company);
    # the partner's fields themselves are the staff's.
    share_count = fields.Integer(related='member_id.kepos_share_count',
                                 string='My shares', readonly=True,
                                 groups='base.group_user')
    share_amount = fields.Monetary(related='member_id.kepos_share_amount',
                                   string='My capital', readonly=True,
                                   groups='base.group_user')
    # Groups on the fields, not only on the view: a field hidden by the view
    # would still be read, and computed, for everyone.
    capital_amount = fields.Monetary(
        related='company_id.kepos_capital_amount', readonly=True,
        groups=MANAGER)
    capital_floor = fields.Monetary(
        related='company_id.kepos_capital_floor', readonly=True,
        groups=MANAGER)
    shareholder_count = fields.Integer(
        related='company_id.kepos_shareholder_count', readonly=True,
        groups=MANAGER)
    subscription_submitted_count = fields.Integer(
        string='Subscriptions to approve',
        compute='_compute_subscription_submitted_count', groups=MANAGER)

    assembly_next_id = fields.Many2one(
        'kepos.assembly', string='Next general assembly',
        compute='_compute_assemblies')
    assembly_open_count = fields.Integer(
        string='Assemblies open to the vote', compute='_compute_assemblies')

    def _compute_assemblies(self):
        assemblies = self.env['kepos.assembly']
        upcoming = assemblies.search(
            [('state', 'in', ('convened', 'open')),
             ('date', '>=', fields.Date.context_today(self))],
            order='date, id', limit=1)
        open_count = assemblies.search_count([('state', '=', 'open')])
        for dashboard in self:
            dashboard.assembly_next_id = upcoming
            dashboard.assembly_open_count = open_count

    def _compute_is_staff(self):
        for dashboard in self:
            dashboard.is_staff = dashboard.user_id.has_group(
                'kepos_membership.group_kepos_staff')

    def _compute_subscription_submitted_count(self):
        count = self.env['kepos.subscription'].search_count(
            [('state', '=', 'submitted')])
        for dashboard in self:
            dashboard.subscription_submitted_count = count

    @api.model
    @kepos_action(role='user', access=None)
    def action_open(self):
        """The window action of a fresh dashboard for the current user."""
        return {
            'type': 'ir.actions.act_window',
            'name': _('Dashboard'),
            'res_model': self._name,
            'res_id': self.create({}).id,
            'view_mode': 'form',
            'views': [(False, 'form')],
            'target': 'current',
        }

    def _action_of(self, xmlid, domain=None):
        """The window action `xmlid`, narrowed to `domain`: what a tile
        opens."""
        action = self.env.ref(xmlid).read()[0]
        if domain is not None:
            action['domain'] = domain
        return action

    @api.multi
    @kepos_action(role='member', access='read')
    def action_view_open_assemblies(self):
        return self._action_of('kepos_membership.action_kepos_assembly',
                               [('state', '=', 'open')])

    @api.multi
    @kepos_action(role='manager', access='read')
    def action_view_submitted_subscriptions(self):
        return self._action_of('kepos_membership.action_kepos_subscription',
                               [('state', '=', 'submitted')])
