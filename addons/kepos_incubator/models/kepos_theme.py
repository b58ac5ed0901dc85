# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class KeposTheme(models.Model):
    """Themes shared by members, funding calls and projects, so that a call
    can be matched with the companies working on the same subjects."""
    _name = 'kepos.theme'
    _description = 'Theme'
    _order = 'name'

    _kepos_client_fields = {'name': 'staff', 'color': 'staff',
                            'active': 'staff'}

    name = fields.Char(required=True, translate=True)
    color = fields.Integer()
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ('name_uniq', 'unique(name)', 'A theme with this name already exists.'),
    ]
