# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError
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
