# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests.common import SavepointCase


class TestDashboardPipeline(SavepointCase):

    def test_staff_sees_the_pipeline(self):
        staff = self.env.ref('kepos_membership.user_kepos_staff')
        Dashboard = self.env['kepos.dashboard'].sudo(staff)
        dashboard = Dashboard.browse(Dashboard.action_open()['res_id'])
        Incubation = self.env['kepos.incubation']
        running = Incubation.search_count([('stage_kind', '=', 'incubation')])
        early = Incubation.search_count(
            [('stage_kind', 'in', ('idea', 'study', 'search'))])
        self.assertTrue(running and early)
        self.assertEqual(dashboard.incubation_running_count, running)
        self.assertEqual(dashboard.incubation_early_count, early)
        member = self.env.ref('kepos_membership.user_member_a')
        fields = self.env['kepos.dashboard'].sudo(member).fields_view_get(
            view_type='form')['fields']
        self.assertNotIn('incubation_running_count', fields)
