# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..lib.guard import kepos_action
from ..lib.server_values import checked_creator

_EDITABLE = {'draft': [('readonly', False)]}


class KeposCapitalRequest(models.AbstractModel):
    """What the board decides on the capital: shares of one type for one
    member, drafted, submitted, then approved or rejected by a manager.
    Subscriptions and share operations share this workflow; each says what
    approval does and which fields the decision freezes."""
    _name = 'kepos.capital.request'
    _description = 'Capital request'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'kepos.workflow.mixin']
    _order = 'date desc, id desc'

    # The staff prepare requests; the board decides (action_approve).
    _kepos_client_fields = {
        'partner_id': 'staff', 'share_type_id': 'staff', 'quantity': 'staff',
        'date': 'staff',
    }

    # Fields the board decides on: frozen once the request leaves draft.
    _frozen_fields = {'partner_id', 'share_type_id', 'quantity'}

    name = fields.Char(
        string='Reference', required=True, readonly=True, copy=False,
        default='/')
    partner_id = fields.Many2one(
        'res.partner', string='Member', required=True, readonly=True,
        states=_EDITABLE, track_visibility='onchange', index=True,
        ondelete='restrict')
    share_type_id = fields.Many2one(
        'kepos.share.type', string='Share type', required=True,
        readonly=True, states=_EDITABLE, ondelete='restrict',
        default=lambda self: self.env['kepos.share.type'].search([], limit=1))
    company_id = fields.Many2one(
        related='share_type_id.company_id', store=True, readonly=True)
    currency_id = fields.Many2one(related='company_id.currency_id',
                                  readonly=True)
    quantity = fields.Integer(
        string='Shares', required=True, default=1, readonly=True,
        states=_EDITABLE, track_visibility='onchange')
    amount = fields.Monetary(compute='_compute_amount', string='Amount')
    date = fields.Date(
        required=True, readonly=True, states=_EDITABLE,
        default=fields.Date.context_today)
    state = fields.Selection(
        [('draft', 'Draft'),
         ('submitted', 'Submitted'),
         ('approved', 'Approved'),
         ('done', 'Done'),
         ('rejected', 'Rejected'),
         ('cancelled', 'Cancelled')],
        default='draft', required=True, readonly=True, copy=False,
        track_visibility='onchange', index=True)

    @api.depends('quantity', 'share_type_id.nominal_value')
    def _compute_amount(self):
        for request in self:
            request.amount = (
                request.quantity * request.share_type_id.nominal_value)

    @api.model
    def create(self, vals):
        # The reference is the server's: check what the client sent first.
        creator = checked_creator(self, vals)
        if vals.get('name', '/') == '/':
            vals = dict(vals, name=self.env['ir.sequence'].next_by_code(
                self._name) or '/')
        return super(KeposCapitalRequest, creator).create(vals).with_env(
            self.env)

    @api.multi
    def write(self, vals):
        # Once submitted, the request is what the board decides on (and, for
        # a subscription, what the invoice says): it can no longer change.
        if set(vals) & self._frozen_fields:
            for request in self.filtered(lambda r: r.state != 'draft'):
                raise UserError(_(
                    '%s is no longer a draft: the shares and members the '
                    'board decides on can no longer change.') % request.name)
        return super(KeposCapitalRequest, self).write(vals)

    @api.multi
    def unlink(self):
        for request in self.filtered(lambda r: r.state != 'draft'):
            raise UserError(_(
                '%s is no longer a draft: cancel it instead of deleting '
                'it.') % request.name)
        return super(KeposCapitalRequest, self).unlink()

    @api.multi
    @kepos_action(role='staff', states=['draft'])
    def action_submit(self):
        self._kepos_server_write({'state': 'submitted'})
        return True

    def _check_cancel(self):
        """Staff cancel what the board has not decided yet; an approved
        request is the board's to cancel."""
        if self.filtered(lambda r: r.state == 'approved'):
            self._kepos_check_role('manager')

    @api.multi
    @kepos_action(role='manager', states=['submitted'])
    def action_reject(self):
        self._kepos_server_write({'state': 'rejected'})
        return True
