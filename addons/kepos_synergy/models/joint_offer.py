# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.kepos_membership.lib.guard import kepos_action


class KeposJointOffer(models.Model):
    """An offre mutualisée: several members' services sold together."""
    _name = 'kepos.joint.offer'
    _description = 'Joint offer of several members'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'kepos.workflow.mixin']
    _order = 'id desc'
    # The staff put the offers together; members read them.
    _kepos_client_fields = {name: 'staff' for name in (
        'name', 'description', 'customer_id', 'part_ids', 'currency_id')}

    name = fields.Char(required=True, track_visibility='onchange')
    description = fields.Html()
    customer_id = fields.Many2one(
        'res.partner', string='Customer', track_visibility='onchange')
    state = fields.Selection(
        [('draft', 'Draft'), ('published', 'Published'),
         ('closed', 'Closed')],
        required=True, default='draft', readonly=True,
        track_visibility='onchange')
    part_ids = fields.One2many(
        'kepos.joint.offer.part', 'offer_id', string='Members\' parts',
        copy=True)
    currency_id = fields.Many2one(
        'res.currency', required=True,
        default=lambda self: self.env.ref('base.EUR'))
    amount_total = fields.Monetary(
        compute='_compute_amount_total', store=True, string='Total')

    @api.depends('part_ids.amount')
    def _compute_amount_total(self):
        for offer in self:
            offer.amount_total = sum(offer.part_ids.mapped('amount'))

    @api.multi
    @kepos_action(role='staff', states=['draft'])
    def action_publish(self):
        for offer in self:
            if len(offer.part_ids.mapped('partner_id')) < 2:
                raise UserError(_(
                    'A joint offer brings together at least two members.'))
        self._kepos_server_write({'state': 'published'})
        return True

    @api.multi
    @kepos_action(role='staff', states=['published'])
    def action_close(self):
        self._kepos_server_write({'state': 'closed'})
        return True

    @api.multi
    @kepos_action(role='staff', states=['published', 'closed'])
    def action_draft(self):
        self._kepos_server_write({'state': 'draft'})
        return True


class KeposJointOfferPart(models.Model):
    _name = 'kepos.joint.offer.part'
    _description = 'Part of a member in a joint offer'
    _order = 'offer_id, sequence, id'
    _kepos_client_fields = {name: 'staff' for name in (
        'offer_id', 'sequence', 'partner_id', 'product_id', 'name',
        'amount')}

    offer_id = fields.Many2one('kepos.joint.offer', required=True,
                               ondelete='cascade', index=True)
    sequence = fields.Integer(default=10)
    partner_id = fields.Many2one(
        'res.partner', string='Member', required=True,
        domain=[('is_company', '=', True)])
    product_id = fields.Many2one(
        'product.product', string='Service',
        domain=[('kepos_member_catalogue', '=', True)])
    name = fields.Char(string='Description', required=True)
    amount = fields.Monetary()
    currency_id = fields.Many2one(related='offer_id.currency_id',
                                  readonly=True)

    @api.onchange('product_id')
    def _onchange_product_id(self):
        if self.product_id:
            self.name = self.product_id.name
            self.partner_id = self.product_id.kepos_seller_id
            self.amount = self.product_id.list_price

    @api.constrains('amount')
    def _check_amount(self):
        if any(part.amount < 0 for part in self):
            raise ValidationError(_(
                'The amount of a member\'s part cannot be negative.'))
