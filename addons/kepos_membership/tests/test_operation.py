# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import KeposCapitalCase


class TestOperation(KeposCapitalCase):

    @classmethod
    def setUpClass(cls):
        super(TestOperation, cls).setUpClass()
        cls.giver = cls._partner('Scop Lumière Verte', cls.cat_beneficiary)
        cls.receiver = cls._partner('Les Amis du Vélo', cls.cat_supporter)

    def test_transfer(self):
        self._member(self.giver, 10, date='2026-09-01')
        operation = self._operation(self.giver, 6, receiver=self.receiver)
        self.assertEqual(self.receiver.kepos_member_state, 'candidate')
        with self.assertRaises(AccessError):
            operation.sudo(self.staff).action_approve()
        operation.sudo(self.manager).action_approve()
        self.assertEqual(operation.state, 'approved')
        self.assertTrue(operation.decision_date)
        operation.sudo(self.manager).action_done()
        self.assertEqual(operation.state, 'done')
        self.assertEqual(
            sorted(operation.share_line_ids.mapped(
                lambda l: (l.move_type, l.partner_id.id, l.quantity))),
            sorted([('transfer_out', self.giver.id, -6),
                    ('transfer_in', self.receiver.id, 6)]))
        received = operation.share_line_ids.filtered(lambda l: l.quantity > 0)
        self.assertTrue(received.certificate_number)
        self.assertEqual(self.giver.kepos_share_count, 4)
        self.assertEqual(self.receiver.kepos_share_count, 6)
        self.assertEqual(self.receiver.kepos_member_state, 'member')
        self.assertFalse(operation.bill_id)

    def test_transfer_more_than_held(self):
        self._member(self.giver, 10, date='2026-09-01')
        operation = self._operation(self.giver, 11, receiver=self.receiver)
        with self.assertRaises(ValidationError):
            operation.sudo(self.manager).action_approve()
        self.assertEqual(operation.state, 'submitted')
        with self.assertRaises(UserError):
            operation.sudo(self.staff).write({'quantity': 5})
        self.assertEqual(self.giver.kepos_share_count, 10)

    def test_transfer_before_the_shares_were_held(self):
        self._member(self.giver, 10, date='2026-09-01')
        operation = self._operation(self.giver, 5, receiver=self.receiver,
                                    date='2026-08-01')
        with self.assertRaises(ValidationError):
            operation.sudo(self.manager).action_approve()
        self.assertEqual(operation.state, 'submitted')

    def test_transfer_below_minimum_of_category(self):
        self._member(self.giver, 10, date='2026-09-01')
        # A beneficiary keeps at least 4 shares, or leaves with none.
        operation = self._operation(self.giver, 8, receiver=self.receiver)
        with self.assertRaises(ValidationError):
            operation.sudo(self.manager).action_approve()
        self.assertEqual(operation.state, 'submitted')

    def test_rules_checked_again_when_done(self):
        self._member(self.giver, 10, date='2026-09-01')
        first = self._operation(self.giver, 10, receiver=self.receiver)
        second = self._operation(self.giver, 10)
        (first | second).sudo(self.manager).action_approve()
        first.sudo(self.manager).action_done()
        with self.assertRaises(ValidationError):
            second.sudo(self.manager).action_done()
        self.assertEqual(second.state, 'approved')
        self.assertFalse(second.share_line_ids)
        self.assertFalse(second.bill_id)

    def test_redemption_creates_refund(self):
        self._member(self.giver, 10, date='2026-09-01')
        operation = self._operation(self.giver, 10)
        operation.sudo(self.manager).action_approve()
        operation.sudo(self.manager).action_done()
        self.assertEqual(operation.share_line_ids.move_type, 'redemption')
        self.assertEqual(operation.share_line_ids.amount, -500.0)
        bill = operation.bill_id
        self.assertEqual(bill.type, 'in_invoice')
        self.assertEqual(bill.state, 'open')
        self.assertEqual(bill.amount_total, 500.0)
        self.assertEqual(bill.account_id.code, '456700')
        self.assertEqual(bill.invoice_line_ids.account_id.code, '101310')
        self.assertEqual(bill.journal_id,
                         self.company.kepos_redemption_journal_id)
        self.assertEqual(self.giver.kepos_share_count, 0)
        self.assertEqual(self.giver.kepos_member_state, 'former')

    def test_redemption_above_statutory_minimum(self):
        self._member(self.giver, 10, date='2026-09-01')
        self.company.kepos_capital_minimum = self.company._kepos_capital_at()
        operation = self._operation(self.giver, 10)
        with self.assertRaises(ValidationError):
            operation.sudo(self.manager).action_approve()
        self.assertEqual(operation.state, 'submitted')

    def test_redemption_above_quarter_of_highest_capital(self):
        self.company.kepos_capital_minimum = 0
        big = self._partner('Fondation Lorraine pour le Climat',
                            self.cat_supporter)
        self._member(big, 3000, date='2026-09-01')
        highest = self.company._kepos_capital_max()
        self.assertEqual(self.company._kepos_capital_floor(), highest / 4.0)
        # Bring the capital just under a quarter of its highest value.
        quantity = int((self.company._kepos_capital_at() - highest / 4.0)
                       / 50) + 1
        operation = self._operation(big, quantity)
        with self.assertRaises(ValidationError):
            operation.sudo(self.manager).action_approve()
        self.assertEqual(operation.state, 'submitted')
        allowed = self._operation(big, quantity - 1)
        allowed.sudo(self.manager).action_approve()
        allowed.sudo(self.manager).action_done()
        self.assertEqual(allowed.state, 'done')

    def test_transfer_to_public_body_limited(self):
        big = self._partner('Fondation Lorraine pour le Climat',
                            self.cat_supporter)
        self._member(big, 3000, date='2026-09-01')
        metropole = self.env.ref('kepos_membership.public_metropole')
        operation = self._operation(big, 2500, receiver=metropole)
        with self.assertRaises(ValidationError):
            operation.sudo(self.manager).action_approve()
        self.assertEqual(operation.state, 'submitted')
        self.assertEqual(big.kepos_share_count, 3000)

    def test_member_cannot_decide(self):
        self._member(self.giver, 10, date='2026-09-01')
        operation = self._operation(self.giver, 5, receiver=self.receiver)
        with self.assertRaises(AccessError):
            operation.sudo(self.member_a).action_approve()
        self.assertEqual(operation.state, 'submitted')
