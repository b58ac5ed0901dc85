# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests.common import SavepointCase


class KeposCapitalCase(SavepointCase):
    """Demo cooperative, with its users, and helpers that run the capital
    workflows as the people who do it in real life."""

    @classmethod
    def setUpClass(cls):
        super(KeposCapitalCase, cls).setUpClass()
        ref = cls.env.ref
        cls.company = ref('base.main_company')
        cls.share_type = ref('kepos_membership.share_type_a')
        cls.manager = ref('kepos_membership.user_kepos_manager')
        cls.staff = ref('kepos_membership.user_kepos_staff')
        cls.member_a = ref('kepos_membership.user_member_a')
        cls.member_b = ref('kepos_membership.user_member_b')
        cls.cat_beneficiary = ref('kepos_membership.category_beneficiary')
        cls.cat_supporter = ref('kepos_membership.category_supporter')
        cls.cat_public = ref('kepos_membership.category_public')
        cls.bank = cls.env['account.journal'].search([
            ('type', '=', 'bank'), ('company_id', '=', cls.company.id)],
            limit=1)
        cls.Subscription = cls.env['kepos.subscription']
        cls.Operation = cls.env['kepos.share.operation']

    @classmethod
    def _partner(cls, name, category):
        return cls.env['res.partner'].create({
            'name': name, 'is_company': True,
            'kepos_category_id': category.id})

    def _submitted(self, partner, quantity, date='2026-10-01'):
        subscription = self.Subscription.sudo(self.staff).create({
            'partner_id': partner.id,
            'share_type_id': self.share_type.id,
            'quantity': quantity,
            'date': date,
            'approval_date': date,
        })
        subscription.action_submit()
        return subscription

    def _pay(self, subscription, amount=None, date='2026-10-15'):
        subscription.invoice_id.sudo(self.staff).pay_and_reconcile(
            self.bank.id, pay_amount=amount, date=date)

    def _member(self, partner, quantity, date='2026-10-01'):
        subscription = self._submitted(partner, quantity, date)
        subscription.sudo(self.manager).action_approve()
        self._pay(subscription, date=date)
        return subscription

    def _operation(self, partner, quantity, receiver=None,
                   date='2026-11-01'):
        operation = self.Operation.sudo(self.staff).create({
            'operation_type': 'transfer' if receiver else 'redemption',
            'partner_id': partner.id,
            'receiver_id': receiver and receiver.id,
            'share_type_id': self.share_type.id,
            'quantity': quantity,
            'date': date,
            'reason': 'Test',
        })
        operation.action_submit()
        return operation
