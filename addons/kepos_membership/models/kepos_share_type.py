# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class KeposShareType(models.Model):
    _name = 'kepos.share.type'
    _description = 'Share type'
    _order = 'sequence, id'
    # Configuration of the board.
    _kepos_client_fields = dict.fromkeys(
        ('name', 'sequence', 'company_id', 'nominal_value', 'product_id',
         'minimum_ids', 'active'), 'manager')

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(
        'res.company', string='Cooperative', required=True,
        default=lambda self: self.env.ref('base.main_company'),
        help='The company whose capital these shares make up.')
    currency_id = fields.Many2one(related='company_id.currency_id',
                                  readonly=True)
    nominal_value = fields.Monetary(
        string='Nominal value', required=True,
        help='Price of one share; members are repaid at most this value.')
    product_id = fields.Many2one(
        'product.product', string='Product', required=True,
        ondelete='restrict',
        help='Product used on the capital invoices of these shares.')
    minimum_ids = fields.One2many(
        'kepos.share.minimum', 'share_type_id', string='Minimum by category')
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ('nominal_positive', 'check(nominal_value > 0)',
         'The nominal value of a share must be positive.'),
    ]
