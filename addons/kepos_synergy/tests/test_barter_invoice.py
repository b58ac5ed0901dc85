# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests.common import SavepointCase


class TestBarterInvoice(SavepointCase):
    """Le Bocal Nancéien invoices Vélo Cargo Stanislas; both keep their books
    here, so the sale and the bill are two invoices in two companies, and a
    payment by compensation settles both with one transfer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The demo users work in French; the assertions read English.
        cls.env = cls.env(context=dict(cls.env.context, lang='en_US'))
        ref = cls.env.ref
        cls.member_a = ref('kepos_membership.user_member_a')
        cls.member_b = ref('kepos_membership.user_member_b')
        cls.company_bocal = ref('kepos_membership.company_bocal')
        cls.company_velo = ref('kepos_membership.company_velocargo')
        cls.bocal = ref('kepos_synergy.barter_account_bocal')
        cls.velo = ref('kepos_synergy.barter_account_velocargo')
        cls.sale = cls._invoice(cls.company_bocal, 'out_invoice',
                                ref('kepos_membership.member_velocargo'))
        cls.bill = cls._invoice(cls.company_velo, 'in_invoice',
                                ref('kepos_membership.member_bocal'),
                                reference=cls.sale.number)

    @classmethod
    def _invoice(cls, company, kind, partner, amount=600.0, reference=False):
        env = cls.env(context=dict(cls.env.context, force_company=company.id))
        accounts = env['account.account'].search([
            ('company_id', '=', company.id)])
        sale = kind == 'out_invoice'
        invoice = env['account.invoice'].create({
            'company_id': company.id,
            'type': kind,
            'partner_id': partner.id,
            'reference': reference,
            'journal_id': env['account.journal'].search([
                ('company_id', '=', company.id),
                ('type', '=', 'sale' if sale else 'purchase')], limit=1).id,
            'account_id': accounts.filtered(
                lambda a: a.internal_type == (
                    'receivable' if sale else 'payable'))[0].id,
            'invoice_line_ids': [(0, 0, {
                'name': 'Plateaux-repas' if sale else 'Achat plateaux-repas',
                'quantity': 1, 'price_unit': amount,
                'account_id': accounts.filtered(lambda a: a.code.startswith(
                    '706' if sale else '604'))[0].id,
            })],
        })
        invoice.action_invoice_open()
        return invoice

    def _wizard(self, invoice, amount, user=None):
        Wizard = self.env['kepos.barter.invoice.pay']
        if user:
            Wizard = Wizard.sudo(user)
        return Wizard.with_context(active_id=invoice.id).create(
            {'amount': amount})

    def test_partial_then_full_then_cancel(self):
        before = (self.bocal.balance, self.velo.balance)
        self._wizard(self.bill, 200.0, self.member_b).action_pay()
        self.assertEqual(self.bill.residual, 400.0)
        self.assertEqual(self.sale.residual, 400.0)
        transfer = self.bill.kepos_barter_transfer_ids
        self.assertEqual((transfer.payer_account_id, transfer.payee_account_id,
                          transfer.amount, transfer.state),
                         (self.velo, self.bocal, 200.0, 'done'))
        self.assertEqual(self.bocal.balance, before[0] + 200.0)
        self.assertEqual(self.velo.balance, before[1] - 200.0)
        payments = self.env['account.payment'].search([
            ('kepos_barter_transfer_id', '=', transfer.id)])
        self.assertEqual(payments.mapped('company_id'),
                         self.company_bocal | self.company_velo)
        for payment in payments:
            self.assertEqual(payment.journal_id.code, 'TROC')
            self.assertEqual(payment.journal_id.company_id,
                             payment.company_id)
            clearing = payment.move_line_ids.filtered(
                lambda l: l.account_id.code == '467100')
            self.assertEqual(abs(clearing.balance), 200.0)
            self.assertEqual(clearing.company_id, payment.company_id)

        # The rest by compensation too: both invoices are paid.
        self._wizard(self.bill, 400.0, self.member_b).action_pay()
        self.assertEqual((self.bill.state, self.sale.state), ('paid', 'paid'))

        # Cancelling the first payment gives the units back and reopens
        # both sides for 200.
        payments.filtered(
            lambda p: p.company_id == self.company_velo).cancel()
        self.assertEqual(set(payments.mapped('state')), {'cancelled'})
        self.assertEqual(transfer.reversal_ids.state, 'done')
        self.assertEqual((self.bill.residual, self.sale.residual),
                         (200.0, 200.0))
        self.assertEqual(self.bocal.balance, before[0] + 400.0)
        self.assertEqual(self.velo.balance, before[1] - 400.0)

    def _refused(self, message, wizard):
        # Savepoint: the web client's request would roll back as a whole.
        with self.assertRaisesRegex(UserError, message), \
                self.env.cr.savepoint():
            wizard.action_pay()

    def test_refusals_change_nothing(self):
        before = (self.bocal.balance, self.velo.balance)
        count = self.env['kepos.barter.transfer'].search_count([])
        self._refused('exceed', self._wizard(self.bill, 600.01, self.member_b))
        # The seller cannot draw on its customer's account.
        member_a = self.env.ref('kepos_membership.user_member_a')
        self._refused('Only', self._wizard(self.sale, 100.0, member_a))
        # An invoice of another company than the one the user works in.
        self._refused('switch', self._wizard(self.sale, 100.0))
        # A supplier who does not take part in the network.
        outsider = self._invoice(
            self.company_velo, 'in_invoice',
            self.env.ref('kepos_membership.member_solaire'))
        self._refused('does not take part',
                      self._wizard(outsider, 100.0, self.member_b))
        # A suspended payee.
        self.bocal.action_suspend()
        self._refused('not active',
                      self._wizard(self.bill, 100.0, self.member_b))
        self.assertEqual(self.env['kepos.barter.transfer'].search_count([]),
                         count)
        self.assertEqual((self.bocal.balance, self.velo.balance), before)
        self.assertEqual(self.bill.residual, 600.0)
        self.assertFalse(self.env['account.payment'].search([
            ('invoice_ids', 'in', self.bill.ids)]))

    def _books(self):
        """What a refusal must leave as it was: balances, transfers,
        payments and what is left to pay on both sides."""
        self.env['res.partner'].invalidate_cache()
        payments = self.env['account.payment'].search([
            ('company_id', 'in', (self.company_bocal | self.company_velo).ids)])
        return ((self.bocal.balance, self.velo.balance),
                self.env['kepos.barter.transfer'].search_count([]),
                sorted(payments.mapped(lambda p: (p.id, p.state))),
                (self.bill.residual, self.sale.residual))

    def _refused_books(self, error, call):
        before = self._books()
        with self.assertRaises(error):
            call()
        self.assertEqual(self._books(), before)

    def test_cancel_is_the_payees_not_the_payers(self):
        self._wizard(self.bill, 200.0, self.member_b).action_pay()
        transfer = self.bill.kepos_barter_transfer_ids
        payments = self.env['account.payment'].search([
            ('kepos_barter_transfer_id', '=', transfer.id)])
        velo = payments.filtered(lambda p: p.company_id == self.company_velo)
        bocal = payments - velo
        # Vélo Cargo paid: cancelling its payment would take the units back.
        for context in ({}, {'kepos_barter_counterpart': True},
                        {'kepos_server_write': True}):
            self._refused_books(AccessError, lambda: velo.sudo(
                self.member_b).with_context(**context).cancel())
        self._refused_books(AccessError, lambda: transfer.sudo(
            self.member_b).action_reverse())
        # Le Bocal was paid: it gives the units back, both books follow.
        balances = (self.bocal.balance, self.velo.balance)
        bocal.sudo(self.member_a).cancel()
        self.assertEqual(set(payments.mapped('state')), {'cancelled'})
        self.assertEqual(transfer.reversal_ids.state, 'done')
        self.assertEqual((self.bill.residual, self.sale.residual),
                         (600.0, 600.0))
        self.assertEqual((self.bocal.balance, self.velo.balance),
                         (balances[0] - 200.0, balances[1] + 200.0))

    def test_reversal_cancels_the_payments(self):
        self._wizard(self.bill, 150.0, self.member_b).action_pay()
        transfer = self.bill.kepos_barter_transfer_ids
        transfer.sudo(self.member_a).action_reverse()
        payments = self.env['account.payment'].search([
            ('kepos_barter_transfer_id', '=', transfer.id)])
        self.assertEqual(len(payments), 2)
        self.assertEqual(set(payments.mapped('state')), {'cancelled'})
        self.assertEqual((self.bill.residual, self.sale.residual),
                         (600.0, 600.0))

    def test_transfer_link_of_a_payment_is_the_servers(self):
        self._wizard(self.bill, 100.0, self.member_b).action_pay()
        payment = self.env['account.payment'].search([
            ('kepos_barter_transfer_id', '!=', False),
            ('company_id', '=', self.company_velo.id)])
        other = self.env.ref('kepos_synergy.barter_transfer_02')
        self._refused_books(AccessError, lambda: payment.sudo(
            self.member_b).write({'kepos_barter_transfer_id': other.id}))
        self._refused_books(AccessError, lambda: payment.sudo(
            self.member_b).write({'kepos_barter_transfer_id': False}))
        self._refused_books(AccessError, lambda: self._plain_payment(
            self.member_b, kepos_barter_transfer_id=other.id))

    def _plain_payment(self, user=None, amount=100.0, **values):
        journal = self.company_velo._kepos_barter_journal()
        Payment = self.env['account.payment']
        if user:
            Payment = Payment.sudo(user)
        payment = Payment.with_context(
            force_company=self.company_velo.id).create(dict({
                'payment_type': 'outbound', 'partner_type': 'supplier',
                'partner_id': self.bill.commercial_partner_id.id,
                'amount': amount, 'journal_id': journal.id,
                'company_id': self.company_velo.id,
                'payment_method_id': self.env.ref(
                    'account.account_payment_method_manual_out').id,
                'invoice_ids': [(4, self.bill.id)]}, **values))
        payment.post()
        return payment

    def test_no_posting_on_the_barter_journal_without_its_transfer(self):
        # Even as superuser: the books would move without the units.
        self._refused_books(UserError, lambda: self._plain_payment())
        self._refused_books(UserError, lambda: self._plain_payment(
            self.member_b))
        # A transfer for another amount, or already in these books.
        self._wizard(self.bill, 100.0, self.member_b).action_pay()
        transfer = self.bill.kepos_barter_transfer_ids
        self._refused_books(UserError, lambda: self._plain_payment(
            amount=90.0, kepos_barter_transfer_id=transfer.id))
        self._refused_books(UserError, lambda: self._plain_payment(
            amount=100.0, kepos_barter_transfer_id=transfer.id))
        # Nor a journal entry of one's own on it.
        journal = self.company_velo._kepos_barter_journal()
        clearing = journal.default_debit_account_id
        expense = self.bill.invoice_line_ids.account_id

        def manual_entry():
            self.env['account.move'].sudo(self.member_b).create({
                'journal_id': journal.id, 'company_id': self.company_velo.id,
                'line_ids': [
                    (0, 0, {'name': 'Units', 'account_id': clearing.id,
                            'debit': 50.0, 'credit': 0.0}),
                    (0, 0, {'name': 'Units', 'account_id': expense.id,
                            'debit': 0.0, 'credit': 50.0})]}).post()
        self._refused_books(UserError, manual_entry)
        # Nor cancelling the entry of a payment without giving the units back.
        entry = self.env['account.payment'].search([
            ('kepos_barter_transfer_id', '=', transfer.id),
            ('company_id', '=', self.company_velo.id)]).move_line_ids.mapped(
                'move_id')
        self._refused_books(UserError, lambda: entry.sudo(
            self.member_b).button_cancel())
        self.assertEqual(entry.state, 'posted')

    def test_counterpart_pays_the_units_moved_or_nothing(self):
        sale = self._invoice(self.company_bocal, 'out_invoice',
                             self.env.ref('kepos_membership.member_velocargo'),
                             amount=500.0)
        bill = self._invoice(self.company_velo, 'in_invoice',
                             self.env.ref('kepos_membership.member_bocal'),
                             amount=600.0, reference=sale.number)
        before = (self._books(), bill.residual, sale.residual)
        with self.assertRaisesRegex(UserError, 'left to pay'):
            self._wizard(bill, 550.0, self.member_b).action_pay()
        self.assertEqual((self._books(), bill.residual, sale.residual),
                         before)
        self._wizard(bill, 500.0, self.member_b).action_pay()
        self.assertEqual((bill.residual, sale.state), (100.0, 'paid'))

    def test_invoice_of_the_context_is_checked_first(self):
        # Le Bocal's user with Vélo Cargo's bill as active_id.
        Wizard = self.env['kepos.barter.invoice.pay'].sudo(self.member_a)
        self._refused_books(AccessError, lambda: Wizard.with_context(
            active_id=self.bill.id).create({'amount': 10.0}).action_pay())
        self._refused_books(AccessError, lambda: Wizard.create({
            'invoice_id': self.bill.id, 'amount': 10.0}).action_pay())
        self._refused_books(AccessError, lambda: Wizard.with_context(
            default_invoice_id=self.bill.id).create(
                {'amount': 10.0}).action_pay())
        # Its own sale: the customer pays it, not the seller.
        self._refused_books(UserError, lambda: Wizard.with_context(
            active_id=self.sale.id).create({'amount': 10.0}).action_pay())
