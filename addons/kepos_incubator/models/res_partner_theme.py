# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = 'res.partner'

    # Whoever Odoo lets edit a partner may say what it works on: the
    # partner form sends the field on every create, also for contacts.
    _kepos_client_fields = {'kepos_theme_ids': 'user'}

    kepos_theme_ids = fields.Many2many(
        'kepos.theme',
        'kepos_theme_res_partner_rel', 'partner_id', 'theme_id',
        string='Themes',
        help='Subjects the member works on; used to suggest funding calls.',
    )
