# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests.common import SavepointCase


class TestDashboardCooperation(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.member_a = ref('kepos_membership.user_member_a')
        cls.staff = ref('kepos_membership.user_kepos_staff')
        cls.bocal = ref('kepos_membership.member_bocal')

    def _open(self, user):
        Dashboard = self.env['kepos.dashboard'].sudo(user)
        return Dashboard.browse(Dashboard.action_open()['res_id'])

    def test_member_sees_its_balance_and_matches(self):
        dashboard = self._open(self.member_a)
        account = self.env.ref('kepos_synergy.barter_account_bocal')
        self.assertEqual(dashboard.barter_balance, account.balance)
        mine = self.env['kepos.match'].search([
            ('state', '=', 'new'), '|', ('need_partner_id', '=', self.bocal.id),
            ('offer_partner_id', '=', self.bocal.id)])
        self.assertTrue(mine)
        self.assertEqual(dashboard.match_waiting_count, len(mine))
        action = dashboard.action_view_waiting_matches()
        self.assertEqual(self.env['kepos.match'].search(action['domain']), mine)

    def test_staff_sees_every_waiting_match(self):
        dashboard = self._open(self.staff)
        self.assertEqual(dashboard.match_waiting_count,
                         self.env['kepos.match'].search_count([('state', '=', 'new')]))
        self.assertGreater(dashboard.match_waiting_count,
                           self._open(self.member_a).match_waiting_count)
        self.assertTrue(dashboard.synergy_ongoing_count)

    def test_demo_bill_can_be_paid_by_compensation(self):
        bill = self.env.ref('kepos_synergy.bill_bocal_from_velocargo')
        self.assertEqual((bill.state, bill.company_id),
                         ('open', self.env.ref('kepos_membership.company_bocal')))
        wizard = self.env['kepos.barter.invoice.pay'].sudo(self.member_a).with_context(
            active_id=bill.id).create({})
        wizard.action_pay()
        self.assertEqual(bill.state, 'paid')
        sale = self.env.ref('kepos_synergy.invoice_velocargo_to_bocal')
        self.assertEqual(sale.state, 'paid')

    def test_staff_lists_and_others_dashboards(self):
        dashboard = self._open(self.member_a)
        with self.assertRaises(AccessError):
            dashboard.action_view_ongoing_synergies()
        # Another user does not read member_a's dashboard (nor its balance).
        member_b = self.env.ref('kepos_membership.user_member_b')
        other = dashboard.sudo(member_b)
        other.invalidate_cache()
        try:
            balance = other.barter_balance
        except AccessError:
            balance = 0.0
        self.assertEqual(balance, 0.0)
