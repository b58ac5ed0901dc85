# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class KeposShareMinimum(models.Model):
    """How many shares of a type a member of a category must hold."""
    _name = 'kepos.share.minimum'
    _description = 'Minimum shares of a category'
    _kepos_client_fields = dict.fromkeys(
        ('category_id', 'share_type_id', 'min_quantity'), 'manager')

    category_id = fields.Many2one(
        'kepos.member.category', string='Category', required=True,
        ondelete='cascade')
    share_type_id = fields.Many2one(
        'kepos.share.type', string='Share type', required=True,
        ondelete='cascade')
    min_quantity = fields.Integer(string='Minimum shares', required=True)

    _sql_constraints = [
        ('category_type_unique', 'unique(category_id, share_type_id)',
         'A category has one minimum per share type.'),
        ('min_positive', 'check(min_quantity >= 0)',
         'A minimum number of shares cannot be negative.'),
    ]
