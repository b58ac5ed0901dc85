# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class AccountInvoice(models.Model):
    _inherit = 'account.invoice'

    @api.multi
    def action_invoice_paid(self):
        # Odoo calls this only when the invoice is fully reconciled, and
        # sometimes more than once: issuing is idempotent.
        res = super(AccountInvoice, self).action_invoice_paid()
        paid = self.filtered(lambda invoice: invoice.state == 'paid')
        if paid:
            # Only invoices the user may change, and paid in full, issue
            # shares; the register is then written as superuser.
            paid.check_access_rights('write')
            paid.check_access_rule('write')
            self.env['kepos.subscription'].sudo().search([
                ('invoice_id', 'in', paid.ids), ('state', '=', 'approved'),
            ])._issue_shares()
        return res
