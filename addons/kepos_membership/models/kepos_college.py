# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class KeposCollege(models.Model):
    """A voting college of the general assembly. The statutes give each
    college a weight; the governance rules use it."""
    _name = 'kepos.college'
    _description = 'Voting college'
    _order = 'sequence, id'

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    weight = fields.Float(
        string='Weight (%)',
        help='Share of the votes of the general assembly given to this '
             'college by the statutes.',
    )
    active = fields.Boolean(default=True)
    category_ids = fields.One2many(
        'kepos.member.category', 'college_id', string='Categories')

    _sql_constraints = [
        ('code_unique', 'unique(code)', 'The code of a college must be unique.'),
        ('weight_range', 'check(weight >= 0 and weight <= 100)',
         'The weight of a college is a percentage between 0 and 100.'),
    ]
