# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class KeposSupportService(models.Model):
    """Catalogue of the support the cooperative offers: what membership
    includes and what is invoiced, by the hour or at a fixed price."""
    _name = 'kepos.support.service'
    _description = 'Support service'
    _order = 'sequence, name'

    _kepos_client_fields = {
        name: 'staff' for name in (
            'name', 'sequence', 'active', 'description', 'billing',
            'product_id', 'price')}

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    billing = fields.Selection([
        ('included', 'Included in membership'),
        ('hourly', 'Invoiced per hour'),
        ('fixed', 'Invoiced at a fixed price'),
    ], required=True, default='included')
    product_id = fields.Many2one(
        'product.product', string='Product',
        domain=[('type', '=', 'service')],
        help='Product put on the invoice line.')
    price = fields.Float(
        digits=(16, 2),
        help='Hourly rate or fixed price, before taxes.')

    @api.constrains('billing', 'product_id', 'price')
    def _check_billing(self):
        for service in self:
            if service.billing == 'included':
                continue
            if not service.product_id:
                raise ValidationError(_(
                    'The invoiced service "%s" needs a product.') % service.name)
            if service.price <= 0:
                raise ValidationError(_(
                    'The invoiced service "%s" needs a positive price.') % service.name)

    @api.onchange('product_id')
    def _onchange_product_id(self):
        if self.product_id and not self.price:
            self.price = self.product_id.lst_price
