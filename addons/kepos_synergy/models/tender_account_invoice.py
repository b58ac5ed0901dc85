# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class AccountInvoice(models.Model):
    _inherit = 'account.invoice'
    # Set by the won bid's invoicing (tender_bid_invoicing.py) only.
    _kepos_client_fields = {'kepos_tender_bid_id': 'server',
                            'kepos_tender_member_id': 'server'}

    kepos_tender_bid_id = fields.Many2one(
        'kepos.tender.bid', string='Tender bid', readonly=True, index=True,
        copy=False, ondelete='restrict')
    kepos_tender_member_id = fields.Many2one(
        'kepos.tender.member', string='Issued for consortium member',
        readonly=True, copy=False, ondelete='restrict',
        help='The member whose part of the contract this invoice bills.')

    @api.constrains('kepos_tender_bid_id', 'kepos_tender_member_id')
    def _check_kepos_tender_member(self):
        for invoice in self.filtered('kepos_tender_member_id'):
            if invoice.kepos_tender_member_id.bid_id != \
                    invoice.kepos_tender_bid_id:
                raise ValidationError(_(
                    '%s is not in the consortium of the bid this invoice '
                    'belongs to.')
                    % invoice.kepos_tender_member_id.partner_id.name)
