# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class KeposJointOffer(models.Model):
    """A published joint offer may be shown on the marketplace; quotes
    asked for it go to its coordinating member."""
    _inherit = 'kepos.joint.offer'

    _kepos_client_fields = {
        'kepos_website_published': 'staff',
        'kepos_coordinator_id': 'staff',
    }

    kepos_website_published = fields.Boolean(
        string='On the marketplace', index=True, copy=False)
    kepos_coordinator_id = fields.Many2one(
        'res.partner', string='Coordinating member',
        domain=[('is_company', '=', True)],
        help='Receives the quote requests of the public site; by default '
             'the member of the first part.')

    def _kepos_quote_recipient(self):
        self.ensure_one()
        return self.kepos_coordinator_id or self.part_ids[:1].partner_id

    @api.constrains('kepos_website_published', 'state', 'kepos_coordinator_id',
                    'part_ids')
    def _check_kepos_website_published(self):
        for offer in self:
            if not offer.kepos_website_published:
                continue
            if offer.state != 'published':
                raise ValidationError(_(
                    'Only a published joint offer is shown on the site.'))
            if offer.kepos_coordinator_id and offer.kepos_coordinator_id \
                    not in offer.part_ids.mapped('partner_id'):
                raise ValidationError(_(
                    'The coordinating member takes part in the offer.'))
