# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from odoo import fields
from odoo.tests.common import SavepointCase


class TestDashboard(SavepointCase):
    """The home screen: each user sees their own figures, and only the
    sections of their groups."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.member_a = ref('kepos_membership.user_member_a')
        cls.manager = ref('kepos_membership.user_kepos_manager')
        cls.bocal = ref('kepos_membership.member_bocal')

    def _open(self, user):
        action = self.env['kepos.dashboard'].sudo(user).action_open()
        self.assertEqual((action['res_model'], action['view_mode']),
                         ('kepos.dashboard', 'form'))
        return self.env['kepos.dashboard'].sudo(user).browse(action['res_id'])

    def _view_fields(self, user):
        return self.env['kepos.dashboard'].sudo(user).fields_view_get(
            view_type='form')['fields']

    def test_member_sees_its_own_shares(self):
        dashboard = self._open(self.member_a)
        self.assertEqual(dashboard.user_id, self.member_a)
        self.assertEqual(dashboard.member_id, self.bocal)
        self.assertFalse(dashboard.is_staff)
        self.assertTrue(dashboard.share_count)
        self.assertEqual(dashboard.share_count, self.bocal.kepos_share_count)
        self.assertEqual(dashboard.share_amount, self.bocal.kepos_share_amount)

    def test_capital_section_is_for_managers(self):
        self.assertNotIn('capital_amount', self._view_fields(self.member_a))
        self.assertNotIn('subscription_submitted_count',
                         self._view_fields(self.member_a))
        self.assertIn('capital_amount', self._view_fields(self.manager))

    def test_manager_sees_subscriptions_to_approve(self):
        dashboard = self._open(self.manager)
        self.assertTrue(dashboard.is_staff)
        submitted = self.env['kepos.subscription'].search(
            [('state', '=', 'submitted')])
        self.assertTrue(submitted)
        self.assertEqual(dashboard.subscription_submitted_count, len(submitted))
        self.assertEqual(dashboard.capital_amount,
                         self.manager.company_id.kepos_capital_amount)
        action = dashboard.action_view_submitted_subscriptions()
        self.assertEqual(self.env['kepos.subscription'].search(
            action['domain']), submitted)

    def test_app_opens_on_the_dashboard(self):
        root = self.env.ref('kepos_membership.menu_kepos_root')
        self.assertEqual(root.action,
                         self.env.ref('kepos_membership.action_kepos_dashboard'))

    def test_members_see_the_assembly_open_to_their_vote(self):
        december = self.env.ref('kepos_membership.assembly_2026_december')
        self.assertEqual(december.state, 'open')
        december.date = fields.Date.to_string(
            date.today() + timedelta(days=10))
        dashboard = self._open(self.member_a)
        self.assertEqual(dashboard.assembly_next_id, december)
        self.assertEqual(dashboard.assembly_open_count, 1)
        action = dashboard.action_view_open_assemblies()
        self.assertEqual(self.env['kepos.assembly'].sudo(self.member_a).search(
            action['domain']), december)
        december.date = fields.Date.to_string(
            date.today() - timedelta(days=1))
        self.assertFalse(self._open(self.member_a).assembly_next_id)
