# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ProductTemplate(models.Model):
    """A product of the members' catalogue appears on the marketplace once
    the staff publishes it; its seller writes the public description."""
    _inherit = 'product.template'

    _kepos_client_fields = {
        'kepos_website_published': 'staff',
        'kepos_website_description': 'member',
    }

    kepos_website_published = fields.Boolean(
        string='On the marketplace', index=True, copy=False,
        help='Published on the public marketplace (moderated by the staff).')
    kepos_website_description = fields.Text(string='Public description')

    @api.constrains('kepos_website_published', 'kepos_member_catalogue')
    def _check_kepos_website_published(self):
        for template in self:
            if template.kepos_website_published and \
                    not template.kepos_member_catalogue:
                raise ValidationError(_(
                    'Only a product of the members\' catalogue is published '
                    'on the marketplace.'))
