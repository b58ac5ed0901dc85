# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AccountInvoice(models.Model):
    _inherit = 'account.invoice'

    # The transfers point to their invoice; the invoice shows them.
    _kepos_client_fields = {'kepos_barter_transfer_ids': 'server'}

    kepos_barter_transfer_ids = fields.One2many(
        'kepos.barter.transfer', 'invoice_id', string='Barter transfers',
        readonly=True)
