# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class DocumentPage(models.Model):
    """A good practice marked public by the staff is readable on the site,
    in its last approved version."""
    _inherit = 'document.page'

    _kepos_client_fields = {'kepos_website_published': 'staff'}

    kepos_website_published = fields.Boolean(
        string='Public good practice', index=True, copy=False)

    @api.constrains('kepos_website_published')
    def _check_kepos_website_published(self):
        for page in self:
            if page.kepos_website_published and not page.approved_date:
                raise ValidationError(_(
                    'Only an approved good practice is made public.'))
