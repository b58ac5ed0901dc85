# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class DocumentPage(models.Model):
    """Good practices are knowledge pages with themes and the member
    company that wrote them."""
    _inherit = 'document.page'

    kepos_tag_ids = fields.Many2many('kepos.knowledge.tag', string='Themes')
    kepos_author_id = fields.Many2one(
        'res.partner', string='Author company',
        domain=[('is_company', '=', True)],
        default=lambda self: self.env.user.partner_id.commercial_partner_id)
