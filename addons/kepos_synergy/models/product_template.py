# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError


class ProductTemplate(models.Model):
    _inherit = 'product.template'

    # Any user's product form sends both fields on create; the seller is
    # then checked (a member sells only as its own company) and frozen.
    _kepos_client_fields = {
        'kepos_member_catalogue': 'user',
        'kepos_seller_id': 'user:create',
    }

    kepos_member_catalogue = fields.Boolean(
        string='In the members\' catalogue', index=True,
        help='Offered by a member to the other members of the cooperative.')
    kepos_seller_id = fields.Many2one(
        'res.partner', string='Selling member', index=True,
        domain=[('is_company', '=', True)],
        default=lambda self: self._default_kepos_seller())

    @api.model
    def _default_kepos_seller(self):
        # Only a suggestion for the catalogue's form: create() checks the
        # seller whatever the context said.
        if self.env.context.get('default_kepos_member_catalogue') and \
                self._kepos_has_role('member'):
            return self.env.user.partner_id.commercial_partner_id
        return False

    @api.model
    def create(self, vals):
        seller = vals.get('kepos_seller_id')
        if seller is None and 'kepos_seller_id' not in vals:
            seller = self.default_get(['kepos_seller_id']).get(
                'kepos_seller_id')
        if seller and not self._kepos_trusted(creating=True):
            self._kepos_check_seller(self.env['res.partner'].browse(seller))
        return super(ProductTemplate, self).create(vals)

    @api.model
    def _kepos_check_seller(self, seller):
        """A member publishes in the catalogue as its own company only; the
        staff for any member."""
        if self._kepos_has_role('staff'):
            return
        member = self.env.user.partner_id.commercial_partner_id
        if not self._kepos_has_role('member') or seller != member:
            raise AccessError(_(
                'You can only offer products in the members\' catalogue '
                'as your own company.'))

    @api.constrains('kepos_member_catalogue', 'kepos_seller_id')
    def _check_kepos_seller(self):
        for template in self:
            if template.kepos_member_catalogue and \
                    not template.kepos_seller_id:
                raise ValidationError(_(
                    'A product of the members\' catalogue needs its selling '
                    'member.'))
