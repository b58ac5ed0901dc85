# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class KeposB2bTag(models.Model):
    _name = 'kepos.b2b.tag'
    _description = 'B2B offer or need'
    _order = 'name'

    # Members add the tags they need while registering to a fair.
    _kepos_client_fields = {'name': 'member', 'color': 'member'}

    name = fields.Char(string='Name', required=True, translate=True)
    color = fields.Integer(string='Color')

    _sql_constraints = [
        ('name_unique', 'unique(name)', 'This tag already exists.'),
    ]

    @api.model
    def create(self, vals):
        # Members add tags while registering to a fair: checked before the
        # insert so that they read this message rather than the database's.
        # On the column, as the unique constraint: the name is translated and
        # a search would compare the user's language.
        self.env.cr.execute('SELECT 1 FROM kepos_b2b_tag WHERE name = %s',
                            (vals.get('name'),))
        if self.env.cr.fetchone():
            raise ValidationError(_('This tag already exists.'))
        return super(KeposB2bTag, self).create(vals)
