# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class KeposStudyCriterion(models.Model):
    """One line of the opportunity-study rubric."""
    _name = 'kepos.study.criterion'
    _description = 'Opportunity study criterion'
    _order = 'sequence, id'

    # The rubric every study is scored on: managers'.
    _kepos_client_fields = {
        name: 'manager' for name in (
            'name', 'sequence', 'weight', 'description', 'active')}

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    weight = fields.Integer(required=True, default=1)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ('weight_positive', 'CHECK(weight > 0)',
         'The weight of a criterion must be positive.'),
    ]
