# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class KeposIncubationTag(models.Model):
    _name = 'kepos.incubation.tag'
    _description = 'Incubated project tag'
    _order = 'name'

    _kepos_client_fields = {'name': 'staff', 'color': 'staff'}

    name = fields.Char(required=True)
    color = fields.Integer()

    _sql_constraints = [
        ('name_unique', 'UNIQUE(name)', 'This tag already exists.'),
    ]
