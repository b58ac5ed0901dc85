# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields
from odoo.tests.common import SavepointCase


class TestDashboardEvents(SavepointCase):

    def _open(self, xmlid):
        Dashboard = self.env['kepos.dashboard'].sudo(self.env.ref(xmlid))
        return Dashboard.browse(Dashboard.action_open()['res_id'])

    def test_member_sees_the_next_events_in_order(self):
        dashboard = self._open('kepos_membership.user_member_a')
        events = dashboard.next_event_ids
        self.assertTrue(events)
        now = fields.Datetime.now()
        self.assertTrue(all(event.date_end >= now for event in events))
        begins = [event.date_begin for event in events]
        self.assertEqual(begins, sorted(begins))

    def test_staff_sees_the_next_fair(self):
        dashboard = self._open('kepos_membership.user_kepos_staff')
        fair = self.env.ref('kepos_events.event_business_fair')
        self.assertEqual(dashboard.next_fair_id, fair)
        self.assertEqual(
            dashboard.b2b_request_waiting_count,
            self.env['kepos.b2b.request'].search_count(
                [('event_id', '=', fair.id), ('state', '=', 'requested')]))
