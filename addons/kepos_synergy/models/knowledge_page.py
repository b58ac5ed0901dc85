# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError


class DocumentPage(models.Model):
    """Good practices are knowledge pages with themes and the member
    company that wrote them."""
    _inherit = 'document.page'

    # Members write pages as their own company; whether a category's pages
    # wait for approval, and by whom, is the staff's decision.
    _kepos_client_fields = {
        'kepos_tag_ids': 'member',
        'kepos_author_id': 'member:create',
        'approval_required': 'staff',
        'approver_gid': 'staff',
    }

    kepos_tag_ids = fields.Many2many('kepos.knowledge.tag', string='Themes')
    kepos_author_id = fields.Many2one(
        'res.partner', string='Author company',
        domain=[('is_company', '=', True)],
        default=lambda self: self.env.user.partner_id.commercial_partner_id)

    @api.model
    def create(self, vals):
        author = vals.get('kepos_author_id')
        if author and not self._kepos_trusted(creating=True) and \
                not self._kepos_has_role('staff') and author != \
                self.env.user.partner_id.commercial_partner_id.id:
            raise AccessError(_(
                'You can only write good practices as your own company.'))
        return super(DocumentPage, self).create(vals)
