# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, models
from odoo.exceptions import UserError

from odoo.addons.kepos_membership.lib.guard import kepos_action


class KeposSupportRequest(models.Model):
    """Invoicing of support that membership does not include."""
    _inherit = 'kepos.support.request'

    # The decorator locks the requests (in id order) before reading their
    # state, so two clicks cannot invoice the same work twice.
    @api.multi
    @kepos_action(role='staff', states=['in_progress', 'done'])
    def action_create_invoice(self):
        """Draft customer invoice of the cooperative for the service: the
        logged hours at the hourly rate, or the fixed price."""
        self.invalidate_cache(['invoice_id'])
        invoices = self.env['account.invoice']
        for request in self:
            request._check_invoiceable()
            invoice = request._create_invoice()
            request._kepos_server_write({'invoice_id': invoice.id})
            request.message_post(body=_('Draft invoice %s created.') % invoice.display_name)
            invoices |= invoice
        return invoices

    def _check_invoiceable(self):
        if self.invoice_id:
            raise UserError(_('The request "%s" is already invoiced.') % self.name)
        if self.state not in ('in_progress', 'done'):
            raise UserError(_('Only support in progress or done can be invoiced.'))
        if not self.service_id or self.service_id.billing == 'included':
            raise UserError(_(
                'The request "%s" has no invoiced service: it is included in '
                'membership.') % self.name)
        if self.service_id.billing == 'hourly' and not self.hours:
            raise UserError(_('No time is logged on the request "%s".') % self.name)

    def _create_invoice(self):
        company = self.env.ref('base.main_company')
        Invoice = self.env['account.invoice'].with_context(
            force_company=company.id, company_id=company.id)
        journal = self.env['account.journal'].search([
            ('type', '=', 'sale'), ('company_id', '=', company.id)], limit=1)
        if not journal:
            raise UserError(_('The cooperative has no sales journal.'))
        service = self.service_id
        product = service.product_id.with_context(force_company=company.id)
        account = (product.property_account_income_id
                   or product.categ_id.property_account_income_categ_id)
        if not account:
            raise UserError(_('Set an income account on the product "%s".')
                            % product.display_name)
        partner = self.partner_id.with_context(force_company=company.id)
        fiscal_position = partner.property_account_position_id
        taxes = product.taxes_id.filtered(lambda t: t.company_id == company)
        if service.billing == 'hourly':
            quantity = self.hours
            label = _('%s: %s (%.2f h)') % (service.name, self.name, self.hours)
        else:
            quantity = 1.0
            label = _('%s: %s') % (service.name, self.name)
        return Invoice.create({
            'type': 'out_invoice',
            'partner_id': partner.id,
            'company_id': company.id,
            'journal_id': journal.id,
            'currency_id': company.currency_id.id,
            'account_id': partner.property_account_receivable_id.id,
            'fiscal_position_id': fiscal_position.id,
            'origin': self.name,
            'invoice_line_ids': [(0, 0, {
                'product_id': product.id,
                'name': label,
                'quantity': quantity,
                'price_unit': service.price,
                'uom_id': product.uom_id.id,
                'account_id': fiscal_position.map_account(account).id,
                'invoice_line_tax_ids': [(6, 0, fiscal_position.map_tax(taxes).ids)],
            })],
        })
