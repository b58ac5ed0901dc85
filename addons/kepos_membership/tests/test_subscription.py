# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from contextlib import closing

import psycopg2

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .common import KeposCapitalCase


class TestSubscription(KeposCapitalCase):

    def test_full_cycle(self):
        partner = self._partner('Atelier Vélo Solidaire', self.cat_beneficiary)
        self.assertEqual(partner.kepos_member_state, 'none')
        subscription = self._submitted(partner, 5)
        self.assertEqual(partner.kepos_member_state, 'candidate')
        subscription.sudo(self.manager).action_approve()
        self.assertEqual(subscription.state, 'approved')
        with self.assertRaises(UserError):
            subscription.sudo(self.staff).write({'quantity': 50})
        with self.assertRaises(UserError):
            subscription.sudo(self.manager).unlink()
        invoice = subscription.invoice_id
        self.assertEqual(invoice.state, 'open')
        self.assertEqual(invoice.journal_id, self.company.kepos_capital_journal_id)
        self.assertEqual(invoice.account_id.code, '456250')
        self.assertEqual(invoice.invoice_line_ids.account_id.code, '101200')
        self.assertEqual(invoice.amount_total, 250.0)
        self.assertFalse(subscription.share_line_ids)

        self._pay(subscription, date='2026-10-20')
        self.assertEqual(invoice.state, 'paid')
        self.assertEqual(subscription.state, 'done')
        line = subscription.share_line_ids
        self.assertEqual(len(line), 1)
        self.assertEqual((line.move_type, line.quantity, line.amount, line.date),
                         ('issue', 5, 250.0, '2026-10-20'))
        self.assertTrue(line.certificate_number)
        self.assertEqual(line.category_id, self.cat_beneficiary)
        self.assertEqual(partner.kepos_share_count, 5)
        self.assertEqual(partner.kepos_share_amount, 250.0)
        self.assertEqual(partner.kepos_member_state, 'member')
        # The capital called is now paid up: 1012 → 10131.
        paid_up = self.env['account.move.line'].search([
            ('partner_id', '=', partner.id),
            ('account_id.code', '=', '101310')])
        self.assertEqual(paid_up.credit, 250.0)
        # Odoo may signal the payment again: nothing is issued twice.
        invoice.action_invoice_paid()
        subscription._issue_shares()
        self.assertEqual(len(subscription.share_line_ids), 1)

    def test_partial_payment_issues_nothing(self):
        partner = self._partner('Fournil des Trois Maisons', self.cat_beneficiary)
        subscription = self._submitted(partner, 6)
        subscription.sudo(self.manager).action_approve()
        self._pay(subscription, amount=100.0)
        self.assertEqual(subscription.invoice_id.state, 'open')
        self.assertEqual(subscription.state, 'approved')
        self.assertFalse(subscription.share_line_ids)
        self.assertEqual(partner.kepos_share_count, 0)
        self.assertEqual(partner.kepos_member_state, 'candidate')
        self._pay(subscription, amount=200.0)
        self.assertEqual(subscription.state, 'done')
        self.assertEqual(partner.kepos_share_count, 6)

    def test_staff_prepares_manager_approves(self):
        partner = self._partner('Jardins de Maxéville', self.cat_beneficiary)
        subscription = self._submitted(partner, 4)
        with self.assertRaises(AccessError):
            subscription.sudo(self.staff).action_approve()
        self.assertEqual(subscription.state, 'submitted')
        self.assertFalse(subscription.invoice_id)
        subscription.sudo(self.manager).action_reject()
        self.assertEqual(subscription.state, 'rejected')
        self.assertEqual(partner.kepos_member_state, 'none')

    def test_minimum_of_category(self):
        partner = self._partner('Petite Cordonnerie', self.cat_beneficiary)
        subscription = self._submitted(partner, 2)
        with self.assertRaises(ValidationError):
            subscription.sudo(self.manager).action_approve()
        self.assertEqual(subscription.state, 'submitted')
        self.assertFalse(subscription.invoice_id)

    def test_public_bodies_half_of_capital(self):
        region = self._partner('Communauté de communes du Pays du Sel',
                               self.cat_public)
        # Other members' approved but unpaid shares make no room: only the
        # register, and the public bodies' promised shares, count.
        pending = sum(self.Subscription.search([
            ('state', '=', 'approved'),
            ('partner_id.kepos_category_id.is_public_body', '=', True),
        ]).mapped('amount'))
        capital = self.company._kepos_capital_at('2026-10-01') + pending
        public = self.company._kepos_capital_at(
            '2026-10-01', public_only=True) + pending
        # Just enough shares to pass half of the capital.
        too_many = int((capital - 2 * public) / 50) + 1
        subscription = self._submitted(region, too_many)
        with self.assertRaises(ValidationError):
            subscription.sudo(self.manager).action_approve()
        self.assertEqual(subscription.state, 'submitted')
        self.assertFalse(subscription.invoice_id)
        allowed = self._submitted(region, too_many - 2)
        allowed.sudo(self.manager).action_approve()
        self.assertEqual(allowed.state, 'approved')
        # The approved but unpaid shares count: a second approval cannot
        # race past the rule.
        second = self._submitted(region, 20)
        with self.assertRaises(ValidationError):
            second.sudo(self.manager).action_approve()
        self.assertEqual(second.state, 'submitted')

    def test_cancel_approved(self):
        partner = self._partner('Biocoop des Rives', self.cat_beneficiary)
        subscription = self._submitted(partner, 4)
        subscription.sudo(self.manager).action_approve()
        subscription.sudo(self.manager).action_cancel()
        self.assertEqual(subscription.state, 'cancelled')
        self.assertEqual(subscription.invoice_id.state, 'cancel')

    def test_approval_locks_the_capital(self):
        partner = self._partner('Coop Énergies Meurthe', self.cat_beneficiary)
        subscription = self._submitted(partner, 4)
        subscription.sudo(self.manager).action_approve()
        # Until this transaction ends, a second approval (another cursor)
        # must wait for the cooperative's row instead of reading the same
        # capital and passing the same rules.
        with closing(self.registry.cursor()) as other, \
                mute_logger('odoo.sql_db'):
            with self.assertRaises(psycopg2.OperationalError):
                other.execute('SELECT id FROM res_company WHERE id = %s '
                              'FOR UPDATE NOWAIT', (self.company.id,))
