# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

from odoo.addons.kepos_membership.lib.guard import kepos_action

from ..models.barter_ledger import AMOUNT_DIGITS

# Which side pays, and how the payment is typed, for each kind of invoice.
INVOICE_SIDES = {
    'out_invoice': {'payer': 'customer', 'payment_type': 'inbound',
                    'partner_type': 'customer', 'counterpart': 'in_invoice'},
    'in_invoice': {'payer': 'company', 'payment_type': 'outbound',
                   'partner_type': 'supplier', 'counterpart': 'out_invoice'},
}


class KeposBarterInvoicePay(models.TransientModel):
    """Pay (part of) an invoice between two participating members with
    units: one barter transfer, and a payment on the Barter journal of each
    company whose books are kept here."""
    _name = 'kepos.barter.invoice.pay'
    _description = 'Pay an invoice by compensation'

    # What the form sends; action_pay checks the user may pay the invoice.
    _kepos_client_fields = {
        'invoice_id': 'member:create',
        'amount': 'member',
        'payment_date': 'member',
    }

    invoice_id = fields.Many2one('account.invoice', required=True,
                                 readonly=True)
    amount = fields.Float(digits=AMOUNT_DIGITS, required=True)
    residual = fields.Monetary(related='invoice_id.residual', readonly=True)
    currency_id = fields.Many2one(related='invoice_id.currency_id',
                                  readonly=True)
    payment_date = fields.Date(required=True,
                               default=fields.Date.context_today)
    payer_id = fields.Many2one('res.partner', compute='_compute_sides')
    payee_id = fields.Many2one('res.partner', compute='_compute_sides')

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        context = self.env.context
        invoice_id = values.get('invoice_id')
        if not invoice_id and context.get('active_model') in (
                None, 'account.invoice'):
            invoice_id = context.get('active_id')
        # Read with the user's rights: an invoice the user cannot read is
        # refused here already (and again in action_pay).
        invoice = self.env['account.invoice'].browse(invoice_id)
        if invoice:
            values.update(invoice_id=invoice.id, amount=invoice.residual)
        return values

    @api.depends('invoice_id')
    def _compute_sides(self):
        # Other kinds of invoices are refused by action_pay, not here.
        for wizard in self.filtered(
                lambda w: w.invoice_id.type in INVOICE_SIDES):
            wizard.payer_id, wizard.payee_id = wizard._sides()

    def _sides(self):
        invoice = self.invoice_id
        company_partner = invoice.company_id.partner_id
        customer = invoice.commercial_partner_id
        if INVOICE_SIDES[invoice.type]['payer'] == 'customer':
            return customer, company_partner
        return company_partner, customer

    def _check_invoice(self):
        invoice = self.invoice_id
        # First of all: the invoice (from the form or the context's
        # active_id) must be one the user may read, which the multi-company
        # rule of invoices limits to its companies; who pays is checked next
        # (_barter_accounts).
        invoice.check_access_rights('read')
        invoice.check_access_rule('read')
        if invoice.type not in INVOICE_SIDES:
            raise UserError(_('Only customer invoices and vendor bills can be '
                              'paid by compensation.'))
        if invoice.state != 'open':
            raise UserError(_('Only an open invoice can be paid by '
                              'compensation.'))
        if invoice.company_id != self.env.user.company_id:
            raise UserError(_('The invoice %s belongs to the company %s: '
                              'switch to that company to pay it.') % (
                                  invoice.number, invoice.company_id.name))
        if invoice.currency_id != invoice.company_id.currency_id:
            raise UserError(_('Only an invoice in %s can be paid by '
                              'compensation (1 unit = 1 %s).') % (
                                  invoice.company_id.currency_id.name,
                                  invoice.company_id.currency_id.name))
        if float_compare(self.amount, invoice.residual,
                         precision_digits=2) > 0:
            raise UserError(_('The amount paid by compensation (%.2f) cannot '
                              'exceed what is left to pay (%.2f).') % (
                                  self.amount, invoice.residual))

    def _barter_accounts(self):
        payer, payee = self._sides()
        # Who pays first: the units are the payer's, whoever sees the bill.
        me = self.env.user.partner_id.commercial_partner_id
        if payer != me and not self._kepos_has_role('staff'):
            raise UserError(_('Only %s can pay this invoice with its units.')
                            % payer.name)
        Account = self.env['kepos.barter.account']
        payer_account = Account._for_partner(payer)
        payee_account = Account._for_partner(payee)
        for partner, account in ((payer, payer_account),
                                 (payee, payee_account)):
            if not account:
                raise UserError(_('%s does not take part in the barter '
                                  'network.') % partner.name)
        return payer_account, payee_account

    @api.multi
    @kepos_action(role='member')
    def action_pay(self):
        self.ensure_one()
        self._check_invoice()
        payer_account, payee_account = self._barter_accounts()
        invoice = self.invoice_id
        counterpart = self._counterpart_invoice()
        if counterpart and float_compare(
                self.amount, counterpart.residual, precision_digits=2) > 0:
            # Both books record the units moved, or nothing is booked.
            raise UserError(_(
                'The other side\'s copy of the invoice (%(number)s) has only '
                '%(residual).2f left to pay: pay at most that much by '
                'compensation.') % {'number': counterpart.number,
                                    'residual': counterpart.residual})
        transfer = self.env['kepos.barter.transfer']._kepos_create_and_book({
            'payer_account_id': payer_account.id,
            'payee_account_id': payee_account.id,
            'amount': self.amount,
            'memo': _('Invoice %s') % invoice.number,
            'date': self.payment_date,
            'invoice_id': invoice.id,
        })
        self._register_payment(invoice, self.amount, transfer.id)
        if counterpart:
            # The other member's books are kept here too: settle its side
            # with the same transfer, in its own company's Barter journal
            # (as superuser: the checks above said this user may pay).
            self.sudo()._register_payment(counterpart, self.amount,
                                          transfer.id)
        return {'type': 'ir.actions.act_window_close'}

    def _counterpart_invoice(self):
        """The other side's copy of the invoice, in its own company: same
        reference, opposite type, open."""
        invoice = self.invoice_id
        other = invoice.commercial_partner_id
        if not other.kepos_own_company_id:
            return self.env['account.invoice']
        reference_domain = ['|', ('number', '=', invoice.reference or '/'),
                            ('reference', '=', invoice.number)]
        return self.env['account.invoice'].sudo().search([
            ('company_id', '=', other.kepos_own_company_id.id),
            ('type', '=', INVOICE_SIDES[invoice.type]['counterpart']),
            ('commercial_partner_id', '=',
             invoice.company_id.partner_id.id),
            ('state', '=', 'open')] + reference_domain, limit=1)

    def _register_payment(self, invoice, amount, transfer_id):
        sides = INVOICE_SIDES[invoice.type]
        journal = invoice.company_id._kepos_barter_journal()
        method = self.env.ref(
            'account.account_payment_method_manual_%s'
            % ('in' if sides['payment_type'] == 'inbound' else 'out'))
        payment = self.env['account.payment'].with_context(
            force_company=invoice.company_id.id)._kepos_server_create({
                'payment_type': sides['payment_type'],
                'partner_type': sides['partner_type'],
                'partner_id': invoice.commercial_partner_id.id,
                'amount': amount,
                'currency_id': invoice.currency_id.id,
                'journal_id': journal.id,
                'company_id': invoice.company_id.id,
                'payment_method_id': method.id,
                'payment_date': self.payment_date,
                'communication': invoice.number,
                'invoice_ids': [(4, invoice.id)],
                'kepos_barter_transfer_id': transfer_id,
            })
        payment.post()
        return payment
