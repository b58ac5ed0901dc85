# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError

from .common import KeposCapitalCase


class TestAccess(KeposCapitalCase):

    def test_member_sees_own_shares_only(self):
        bocal = self.env.ref('kepos_membership.member_bocal')
        velocargo = self.env.ref('kepos_membership.member_velocargo')
        Line = self.env['kepos.share.line'].sudo(self.member_a)
        lines = Line.search([])
        self.assertTrue(lines)
        self.assertEqual(lines.mapped('partner_id'), bocal)
        other = self.env['kepos.share.line'].search(
            [('partner_id', '=', velocargo.id)], limit=1)
        with self.assertRaises(AccessError):
            other.sudo(self.member_a).read(['quantity'])
        subscriptions = self.Subscription.sudo(self.member_a).search([])
        self.assertEqual(subscriptions.mapped('partner_id'), bocal)
        self.assertEqual(
            self.Subscription.sudo(self.member_b).search([]).mapped(
                'partner_id'), velocargo)
        operations = self.Operation.sudo(self.member_b).search([])
        self.assertTrue(operations)
        for operation in operations:
            self.assertIn(velocargo, operation.partner_id | operation.receiver_id)
        self.assertFalse(self.Operation.sudo(self.member_a).search([]))

    def test_member_cannot_prepare_nor_approve(self):
        bocal = self.env.ref('kepos_membership.member_bocal')
        with self.assertRaises(AccessError):
            self.Subscription.sudo(self.member_a).create({
                'partner_id': bocal.id, 'share_type_id': self.share_type.id,
                'quantity': 4})
        subscription = self._submitted(bocal, 4)
        with self.assertRaises(AccessError):
            subscription.sudo(self.member_a).action_approve()
        self.assertEqual(subscription.state, 'submitted')
        line = self.env['kepos.share.line'].search(
            [('partner_id', '=', bocal.id)], limit=1)
        with self.assertRaises(AccessError):
            self.env['kepos.share.line'].sudo(self.member_a).create({
                'partner_id': bocal.id, 'share_type_id': self.share_type.id,
                'company_id': self.company.id, 'move_type': 'issue',
                'date': '2026-01-01', 'quantity': 100, 'amount': 5000})
        self.assertEqual(line.sudo(self.member_a).quantity, line.quantity)

    def test_staff_sees_all_but_configuration_is_managers(self):
        self.assertEqual(
            self.env['kepos.share.line'].sudo(self.staff).search_count([]),
            self.env['kepos.share.line'].search_count([]))
        with self.assertRaises(AccessError):
            self.share_type.sudo(self.staff).write({'nominal_value': 1})
        with self.assertRaises(AccessError):
            self.share_type.sudo(self.member_a).write({'nominal_value': 1})
        self.share_type.sudo(self.manager).write({'nominal_value': 50})
