# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import random

import psycopg2

from odoo.exceptions import UserError, ValidationError
from odoo.tools import mute_logger

from .barter_common import BarterCase


class TestBarterTransfer(BarterCase):

    def test_credit_limit_exact_edge(self):
        self._pay(self.alpha, self.beta, 100.0)
        self.assertEqual(self._balances(self.alpha, self.beta), [-100.0, 100.0])
        with self.assertRaisesRegex(UserError, 'credit limit'):
            self._pay(self.alpha, self.beta, 0.01)
        self.assertEqual(self._balances(self.alpha, self.beta), [-100.0, 100.0])
        self._assert_ledger()

    def test_upper_limit_exact_edge(self):
        self._pay(self.alpha, self.gamma, 79.99)
        self._pay(self.beta, self.gamma, 0.01)
        self.assertEqual(self._balances(self.gamma), [80.0])
        with self.assertRaisesRegex(UserError, 'upper limit'):
            self._pay(self.beta, self.gamma, 0.01)
        self.assertEqual(self._balances(self.alpha, self.beta, self.gamma),
                         [-79.99, -0.01, 80.0])

    def test_refused_draft_stays_draft(self):
        transfer = self.Transfer.create({
            'payer_account_id': self.alpha.id,
            'payee_account_id': self.beta.id,
            'amount': 100.01, 'memo': 'Too much'})
        with self.assertRaises(UserError):
            transfer.action_done()
        self.assertEqual(transfer.state, 'draft')
        self.assertEqual(transfer.name, '/')
        self.assertEqual(self._balances(self.alpha, self.beta), [0.0, 0.0])

    def test_bad_amounts(self):
        count = self.Transfer.search_count([])
        # Savepoints: a refused request is rolled back as a whole.
        for amount in (0.0, -5.0, 10.005, 0.001):
            with self.assertRaises(ValidationError), self.env.cr.savepoint():
                self._pay(self.alpha, self.beta, amount)
        with self.assertRaisesRegex(ValidationError, 'different'), \
                self.env.cr.savepoint():
            self._pay(self.alpha, self.alpha, 5.0)
        self.assertEqual(self.Transfer.search_count([]), count)
        self.assertEqual(self._balances(self.alpha, self.beta), [0.0, 0.0])

    def test_inactive_accounts_refused(self):
        self.beta.action_suspend()
        with self.assertRaisesRegex(UserError, 'not active'):
            self._pay(self.alpha, self.beta, 5.0)
        with self.assertRaisesRegex(UserError, 'not active'):
            self._pay(self.beta, self.alpha, 5.0)
        self.beta.action_open()
        self._pay(self.alpha, self.beta, 5.0)
        with self.assertRaisesRegex(UserError, 'zero'):
            self.beta.action_close()
        self._pay(self.beta, self.alpha, 5.0)
        self.beta.action_close()
        with self.assertRaisesRegex(UserError, 'not active'):
            self._pay(self.alpha, self.beta, 5.0)
        self.assertEqual(self._balances(self.alpha, self.beta), [0.0, 0.0])

    def test_one_account_per_member(self):
        with mute_logger('odoo.sql_db'), self.assertRaises(
                psycopg2.IntegrityError):
            with self.env.cr.savepoint():
                self.Account.create({'partner_id': self.alpha.partner_id.id})

    def test_limit_cannot_be_lowered_below_debit(self):
        self._pay(self.alpha, self.beta, 60.0)
        with self.assertRaises(ValidationError):
            self.alpha.credit_limit = 59.99
        self.alpha.credit_limit = 60.0

    def test_done_transfer_corrected_by_reversal_only(self):
        transfer = self._pay(self.alpha, self.beta, 42.5)
        self.assertTrue(transfer.name.startswith('TROC/'))
        with self.assertRaises(UserError):
            transfer.unlink()
        with self.assertRaises(UserError):
            transfer.action_done()
        with self.assertRaises(UserError):
            transfer.action_cancel()
        reversal = transfer.action_reverse()
        self.assertEqual(reversal.state, 'done')
        self.assertEqual(reversal.payer_account_id, self.beta)
        self.assertEqual(self._balances(self.alpha, self.beta), [0.0, 0.0])
        with self.assertRaisesRegex(UserError, 'already reversed'):
            transfer.action_reverse()
        self._assert_ledger()

    def test_zero_sum_after_random_sequence(self):
        rng = random.Random(8)
        accounts = [self.alpha, self.beta, self.gamma]
        booked = refused = 0
        for _step in range(60):
            payer, payee = rng.sample(accounts, 2)
            amount = rng.randint(1, 6000) / 100.0
            try:
                with self.env.cr.savepoint():
                    transfer = self._pay(payer, payee, amount)
                booked += 1
                if rng.random() < 0.2:
                    with self.env.cr.savepoint():
                        transfer.action_reverse()
            except UserError:
                refused += 1
        self.assertTrue(booked and refused)
        for account in accounts:
            self.assertGreaterEqual(account.balance, -account.credit_limit)
            if account.upper_limit:
                self.assertLessEqual(account.balance, account.upper_limit)
        self._assert_ledger()

    def test_database_refuses_balance_drift(self):
        self._pay(self.alpha, self.beta, 10.0)
        cr = self.env.cr
        with mute_logger('odoo.sql_db'), self.assertRaises(
                psycopg2.IntegrityError):
            with cr.savepoint():
                cr.execute("UPDATE kepos_barter_account SET balance = "
                           "balance + 1 WHERE id = %s", (self.beta.id,))
                cr.execute("SET CONSTRAINTS kepos_barter_account_ledger "
                           "IMMEDIATE")
        cr.execute("SET CONSTRAINTS ALL DEFERRED")
        draft = self.Transfer.create({
            'payer_account_id': self.alpha.id,
            'payee_account_id': self.beta.id, 'amount': 3.0, 'memo': 'x'})
        with mute_logger('odoo.sql_db'), self.assertRaises(
                psycopg2.IntegrityError):
            with cr.savepoint():
                cr.execute("UPDATE kepos_barter_transfer SET state = 'done' "
                           "WHERE id = %s", (draft.id,))
                cr.execute("SET CONSTRAINTS kepos_barter_transfer_ledger "
                           "IMMEDIATE")
        cr.execute("SET CONSTRAINTS ALL DEFERRED")
        self._assert_ledger()


class TestBarterSynergyLink(BarterCase):

    def _synergy(self, supplier, receiver):
        category = self.env['kepos.resource.category'].create({
            'name': 'Palettes test', 'kind': 'material'})
        return self.env['kepos.synergy'].create({
            'name': 'Palettes contre transport',
            'supplier_id': supplier.id, 'receiver_id': receiver.id,
            'category_id': category.id, 'quantity': 10.0,
            'uom_id': self.env.ref('product.product_uom_unit').id,
            'settlement': 'barter'})

    def test_transfer_pays_a_synergy_between_its_parties(self):
        synergy = self._synergy(self.beta.partner_id, self.alpha.partner_id)
        transfer = self.Transfer.create({
            'payer_account_id': self.alpha.id, 'payee_account_id': self.beta.id,
            'amount': 40.0, 'memo': 'Palettes', 'synergy_id': synergy.id})
        transfer.action_done()
        self.assertEqual(transfer.synergy_id, synergy)
        self.assertEqual(self._balances(self.alpha, self.beta), [-40.0, 40.0])

    def test_transfer_refused_for_a_synergy_it_is_not_part_of(self):
        synergy = self._synergy(self.beta.partner_id, self.alpha.partner_id)
        with self.assertRaisesRegex(ValidationError, 'take part in the synergy'), \
                self.env.cr.savepoint():
            self.Transfer.create({
                'payer_account_id': self.gamma.id, 'payee_account_id': self.beta.id,
                'amount': 10.0, 'memo': 'Intrus', 'synergy_id': synergy.id})
        self.assertFalse(self.Transfer.search([('memo', '=', 'Intrus')]))
