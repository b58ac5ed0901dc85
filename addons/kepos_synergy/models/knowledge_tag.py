# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class KeposKnowledgeTag(models.Model):
    _name = 'kepos.knowledge.tag'
    _description = 'Good practice theme'
    _order = 'name'
    _kepos_client_fields = {'name': 'staff', 'color': 'staff'}

    name = fields.Char(required=True, translate=True)
    color = fields.Integer()

    _sql_constraints = [
        ('name_uniq', 'unique(name)', 'A theme with this name already exists.'),
    ]
