# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, models
from odoo.exceptions import UserError

from odoo.addons.kepos_membership.lib.guard import kepos_action


class KeposTenderBid(models.Model):
    """A won bid is delivered and invoiced following the consortium form.

    Accounting documents live in the books of the company that issues
    them, which the acting user usually cannot access: they are written as
    superuser, after the state checks, and left as drafts for the member's
    accountant to validate."""
    _inherit = 'kepos.tender.bid'

    def _create_analytic_accounts(self):
        self.ensure_one()
        Analytic = self.env['account.analytic.account'].sudo()
        for member in self.member_ids.filtered(
                lambda m: not m.analytic_account_id):
            member._kepos_server_write({'analytic_account_id': Analytic.create({
                'name': '%s – %s' % (self.name, member.partner_id.name),
                'code': self.reference,
                'partner_id': self.buyer_id.id,
                'company_id': member._invoicing_company().id,
            }).id})

    def _invoice_plan(self):
        """[(issuer member, customer, [(label, amount, analytic)])]."""
        self.ensure_one()
        if self.consortium_form == 'joint' and self.separate_payment:
            return [(member, self.buyer_id, member._share_lines())
                    for member in self.member_ids]
        lead = self.member_ids.filtered('is_lead')
        plan = [(lead, self.buyer_id, [
            (bid_lot.lot_id.display_name, bid_lot.amount,
             lead.analytic_account_id)
            for bid_lot in self.bid_lot_ids])]
        plan += [(member, self.lead_member_id, member._share_lines())
                 for member in self.member_ids - lead]
        return plan

    def _create_invoices(self):
        self.ensure_one()
        if not self.buyer_id:
            raise UserError(_('The tender has no buyer to invoice.'))
        if self.invoice_ids:
            raise UserError(_('The invoices of this bid exist already.'))
        for member, customer, lines in self._invoice_plan():
            if lines:
                self._create_member_invoice(member, customer, lines)

    def _create_member_invoice(self, member, customer, lines):
        """Draft invoice issued by a member of this bid's consortium."""
        self.ensure_one()
        if member.bid_id != self:
            raise UserError(_('%s is not in the consortium of this bid: it '
                              'cannot invoice it.') % member.partner_id.name)
        company = member._invoicing_company()
        under_mandate = company.partner_id != member.partner_id
        journal, account = self._invoice_journal_account(company,
                                                         under_mandate)
        taxes = self.env['account.tax']
        if not under_mandate:
            # The member's own default sale tax; under mandate the member's
            # VAT regime is unknown here and is set when validating.
            taxes = taxes.sudo().browse(self.env['ir.default'].sudo().get(
                'product.template', 'taxes_id', company_id=company.id) or [])
        receivable = customer.with_context(
            force_company=company.id).property_account_receivable_id
        comment = _('Draft prepared by Kèpos SCIC for %s, %s. Invoice '
                    'issued in the name and on behalf of %s (invoicing '
                    'mandate, art. 289 I-2 of the French tax code).') % (
                        member.partner_id.name, self.name,
                        member.partner_id.name) if under_mandate else False
        invoice = self.env['account.invoice'].sudo().create({
            'type': 'out_invoice',
            'partner_id': customer.id,
            'company_id': company.id,
            'journal_id': journal.id,
            'account_id': receivable.id,
            'currency_id': self.currency_id.id,
            'origin': self.reference or self.name,
            'name': self.name,
            'comment': comment,
            'kepos_tender_bid_id': self.id,
            'kepos_tender_member_id': member.id,
            'invoice_line_ids': [(0, 0, {
                'name': label,
                'quantity': 1.0,
                'price_unit': amount,
                'account_id': account.id,
                'account_analytic_id': analytic.id,
                'invoice_line_tax_ids': [(6, 0, taxes.ids)],
            }) for label, amount, analytic in lines],
        })
        invoice.compute_taxes()
        return invoice

    def _invoice_journal_account(self, company, under_mandate):
        """Sale journal and income account of the issuing company; under
        mandate, the cooperative's mandate journal and a third-party
        account, since the revenue is the member's, not the cooperative's."""
        Account = self.env['account.account'].sudo()
        if under_mandate:
            journal = self.env.ref('kepos_synergy.journal_tender_mandate')
            account = Account.search([('company_id', '=', company.id),
                                      ('code', '=like', '467%')], limit=1)
        else:
            journal = self.env['account.journal'].sudo().search(
                [('company_id', '=', company.id), ('type', '=', 'sale')],
                limit=1)
            account = journal.default_credit_account_id
        if not journal or not account:
            raise UserError(_('The company %s has no sale journal with an '
                              'income account to invoice the bid.')
                            % company.name)
        return journal, account

    @kepos_action(role='staff', access='read')
    def action_open_invoices(self):
        self.ensure_one()
        action = self.env.ref('account.action_invoice_tree1').read()[0]
        action['domain'] = [('kepos_tender_bid_id', '=', self.id)]
        action['context'] = {'create': False}
        return action
