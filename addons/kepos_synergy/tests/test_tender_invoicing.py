# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError, ValidationError

from .tender_common import TenderCase


class TestTenderInvoicing(TenderCase):

    def _win(self):
        self._split_standard()
        # As from the web client: the staff's user, in French.
        bid = self.bid.sudo(self.staff).with_context(lang=self.staff.lang)
        bid.action_go()
        self._provide_documents(bid.document_ids)
        bid.action_submit()
        bid.action_win()
        return self.bid.invoice_ids

    def _invoice_of(self, member):
        return self.bid.invoice_ids.filtered(
            lambda i: i.kepos_tender_member_id == member)

    def test_joint_and_several_lead_invoices_the_buyer(self):
        invoices = self._win()
        self.assertEqual(self.bid.state, 'won')
        self.assertEqual(self.lead.probability, 100)
        self.assertEqual(len(invoices), 3)
        self.assertEqual(set(invoices.mapped('state')), {'draft'})
        ref = self.env.ref
        # The lead bills the whole contract to the buyer from its own books.
        lead_inv = self._invoice_of(self.m_bocal)
        self.assertEqual(lead_inv.partner_id, self.buyer)
        self.assertEqual(lead_inv.company_id,
                         ref('kepos_membership.company_bocal'))
        self.assertEqual(lead_inv.amount_untaxed, 1500.0)
        self.assertEqual(len(lead_inv.invoice_line_ids), 2)
        # Co-contractors bill their parts to the lead.
        velo_inv = self._invoice_of(self.m_velocargo)
        self.assertEqual(velo_inv.partner_id, self.bocal)
        self.assertEqual(velo_inv.company_id,
                         ref('kepos_membership.company_velocargo'))
        self.assertEqual(velo_inv.amount_untaxed, 500.0)
        self.assertEqual(velo_inv.journal_id.company_id,
                         velo_inv.company_id)
        # Without books of its own, Graine is invoiced under mandate by
        # the cooperative, on a third-party account, without revenue.
        graine_inv = self._invoice_of(self.m_graine)
        self.assertEqual(graine_inv.partner_id, self.bocal)
        self.assertEqual(graine_inv.company_id,
                         ref('base.main_company'))
        self.assertEqual(graine_inv.journal_id,
                         ref('kepos_synergy.journal_tender_mandate'))
        self.assertEqual(graine_inv.amount_untaxed, 600.0)
        self.assertTrue(graine_inv.invoice_line_ids.account_id.code
                        .startswith('467'))
        self.assertIn('Graine de Lorraine Traiteur', graine_inv.comment)
        # The answer's project moves on to delivery, a task per member.
        delivery = self.bid.project_id.task_ids.filtered(
            lambda t: t.name.startswith('Livraison'))
        self.assertEqual(delivery.mapped('partner_id'),
                         self.bocal | self.velocargo | self.graine)
        self.assertIn('Lot 2 – Livraison', delivery.filtered(
            lambda t: t.partner_id == self.velocargo).name)
        # One analytic account per member, in the invoicing company.
        for member in self.bid.member_ids:
            account = member.analytic_account_id
            self.assertTrue(account)
            self.assertEqual(account.company_id,
                             member._invoicing_company())
            self.assertEqual(
                self._invoice_of(member).invoice_line_ids.mapped(
                    'account_analytic_id'), account)

    def test_joint_with_separate_payment_each_member_invoices_the_buyer(self):
        self.bid.write({'consortium_form': 'joint', 'separate_payment': True})
        invoices = self._win()
        self.assertEqual(len(invoices), 3)
        self.assertEqual(invoices.mapped('partner_id'), self.buyer)
        self.assertEqual(self._invoice_of(self.m_bocal).amount_untaxed, 400)
        self.assertEqual(
            self._invoice_of(self.m_velocargo).amount_untaxed, 500)
        self.assertEqual(self._invoice_of(self.m_graine).amount_untaxed, 600)
        self.assertEqual(sum(invoices.mapped('amount_untaxed')), 1500)

    def test_joint_paid_to_the_lead(self):
        self.bid.write({'consortium_form': 'joint',
                        'separate_payment': False})
        self._win()
        self.assertEqual(self._invoice_of(self.m_bocal).partner_id,
                         self.buyer)
        self.assertEqual(self._invoice_of(self.m_bocal).amount_untaxed, 1500)
        self.assertEqual(self._invoice_of(self.m_graine).partner_id,
                         self.bocal)

    def test_only_consortium_members_are_invoiced(self):
        self._win()
        other = self.bid.copy({'lead_id': self.env['crm.lead'].create({
            'name': 'Autre marché', 'kepos_is_tender': True}).id})
        stranger = self.env['kepos.tender.member'].create({
            'bid_id': other.id, 'partner_id': self.graine.id})
        invoice_count = len(self.bid.invoice_ids)
        with self.assertRaises(UserError):
            self.bid._create_member_invoice(
                stranger, self.buyer,
                [('Lot 1', 10.0, stranger.analytic_account_id)])
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self._invoice_of(self.m_graine).sudo().write(
                {'kepos_tender_member_id': stranger.id})
        self.assertEqual(len(self.bid.invoice_ids), invoice_count)

    def test_won_only_once(self):
        self._win()
        with self.assertRaises(UserError):
            self.bid.sudo(self.staff).action_win()
        self.assertEqual(len(self.bid.invoice_ids), 3)
