# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ProductTemplate(models.Model):
    _inherit = 'product.template'

    kepos_member_catalogue = fields.Boolean(
        string='In the members\' catalogue', index=True,
        help='Offered by a member to the other members of the cooperative.')
    kepos_seller_id = fields.Many2one(
        'res.partner', string='Selling member', index=True,
        domain=[('is_company', '=', True)],
        default=lambda self: self._default_kepos_seller())

    @api.model
    def _default_kepos_seller(self):
        if self.env.context.get('default_kepos_member_catalogue'):
            return self.env.user.partner_id.commercial_partner_id
        return False

    @api.constrains('kepos_member_catalogue', 'kepos_seller_id')
    def _check_kepos_seller(self):
        for template in self:
            if template.kepos_member_catalogue and \
                    not template.kepos_seller_id:
                raise ValidationError(_(
                    'A product of the members\' catalogue needs its selling '
                    'member.'))
