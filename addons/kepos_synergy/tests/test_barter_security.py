# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests.common import SavepointCase


class TestBarterSecurity(SavepointCase):
    """Members see their own account and transfers, and everyone's public
    directory entry; staff see everything."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.member_a = ref('kepos_membership.user_member_a')
        cls.member_b = ref('kepos_membership.user_member_b')
        cls.staff = ref('kepos_membership.user_kepos_staff')
        cls.bocal = ref('kepos_synergy.barter_account_bocal')
        cls.velocargo = ref('kepos_synergy.barter_account_velocargo')
        cls.octet = ref('kepos_synergy.barter_account_octet')

    def test_member_sees_own_account_only(self):
        Account = self.env['kepos.barter.account'].sudo(self.member_a)
        self.assertEqual(Account.search([]), self.bocal)
        self.assertEqual(self.bocal.sudo(self.member_a).balance,
                         self.bocal.balance)
        with self.assertRaises(AccessError):
            self.velocargo.sudo(self.member_a).read(['balance'])
        with self.assertRaises(AccessError):
            self.bocal.sudo(self.member_a).write({'credit_limit': 5000})
        self.assertEqual(
            self.env['kepos.barter.account'].sudo(self.staff).search_count([]),
            self.env['kepos.barter.account'].search_count([]))

    def test_member_sees_own_transfers_only(self):
        Transfer = self.env['kepos.barter.transfer']
        mine = Transfer.sudo(self.member_b).search([])
        self.assertTrue(mine)
        self.assertEqual(mine, Transfer.search([
            '|', ('payer_account_id', '=', self.velocargo.id),
            ('payee_account_id', '=', self.velocargo.id)]))
        others = Transfer.search([
            ('payer_account_id', 'not in', [self.velocargo.id]),
            ('payee_account_id', 'not in', [self.velocargo.id])], limit=1)
        with self.assertRaises(AccessError):
            others.sudo(self.member_b).read(['amount'])
        self.assertEqual(Transfer.sudo(self.staff).search_count([]),
                         Transfer.search_count([]))

    def test_member_pays_from_own_account_only(self):
        Transfer = self.env['kepos.barter.transfer'].sudo(self.member_a)
        transfer = Transfer.create({
            'payee_account_id': self.octet.id, 'amount': 12.0,
            'memo': 'Réparation d\'une balance'})
        self.assertEqual(transfer.payer_account_id, self.bocal)
        before = self.bocal.balance
        transfer.action_done()
        self.assertEqual(self.bocal.balance, before - 12.0)
        with self.assertRaises(AccessError):
            Transfer.create({
                'payer_account_id': self.velocargo.id,
                'payee_account_id': self.bocal.id, 'amount': 12.0,
                'memo': 'Drawing on another member'})
        with self.assertRaises(UserError):
            transfer.sudo(self.member_a).write({'state': 'draft'})
        with self.assertRaises(UserError):
            transfer.sudo(self.member_a).write({'amount': 1.0})
        # Only the payee may give the units back, with a reverse transfer.
        with self.assertRaises(AccessError):
            transfer.sudo(self.member_a).action_reverse()
        draft = self.env.ref('kepos_synergy.barter_transfer_draft')
        with self.assertRaises(AccessError):
            draft.sudo(self.member_a).action_done()
        self.assertEqual(draft.state, 'draft')

    def test_directory_is_public_without_balances(self):
        Directory = self.env['kepos.barter.directory'].sudo(self.member_a)
        entries = Directory.search([])
        self.assertEqual(len(entries), self.env['kepos.barter.account']
                         .search_count([('state', 'in', ('active',
                                                         'suspended'))]))
        self.assertIn(self.velocargo.partner_id, entries.mapped('partner_id'))
        self.assertNotIn('balance', Directory._fields)
        paniers = entries.filtered(
            lambda e: e.partner_id == self.env.ref(
                'kepos_membership.member_paniers'))
        self.assertFalse(paniers.accepts_barter)

    def test_indicators_for_staff(self):
        with self.assertRaises(AccessError):
            self.env['kepos.barter.indicator'].sudo(self.member_a).search([])
        rows = self.env['kepos.barter.indicator'].sudo(self.staff).read_group(
            [], ['registration_count', 'exchange_count', 'volume'], [])
        self.assertEqual(rows[0]['registration_count'], 12)
        self.assertEqual(rows[0]['exchange_count'], 13)
        self.assertAlmostEqual(rows[0]['volume'], 3975.5)
