# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class KeposB2bTag(models.Model):
    _name = 'kepos.b2b.tag'
    _description = 'B2B offer or need'
    _order = 'name'

    name = fields.Char(string='Name', required=True, translate=True)
    color = fields.Integer(string='Color')

    _sql_constraints = [
        ('name_unique', 'unique(name)', 'This tag already exists.'),
    ]
