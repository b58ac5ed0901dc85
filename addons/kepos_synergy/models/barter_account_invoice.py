# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AccountInvoice(models.Model):
    _inherit = 'account.invoice'

    kepos_barter_transfer_ids = fields.One2many(
        'kepos.barter.transfer', 'invoice_id', string='Barter transfers',
        readonly=True)
