# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError, ValidationError

from .common import KeposIncubatorCase


class TestGrant(KeposIncubatorCase):

    def _grant(self, **values):
        vals = {'name': 'Fonctionnement 2025', 'funder_id': self.funder.id,
                'programme_id': self.programme.id,
                'amount_requested': 20000, 'request_date': '2025-01-10'}
        vals.update(values)
        return self.env['kepos.grant'].sudo(self.staff).create(vals)

    def _report_activities(self, grant):
        return grant.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(
                'kepos_incubator.mail_activity_grant_report'))

    def test_state_machine(self):
        grant = self._grant(reporting_deadline='2099-06-30')
        self.assertFalse(self._report_activities(grant),
                         'no report is due on a mere request')
        with self.assertRaises(UserError):
            grant.action_receive()
        with self.assertRaises(UserError):
            grant.action_justify()
        grant.action_grant(15000, '2025-03-01')
        self.assertEqual(grant.state, 'granted')
        self.assertEqual(grant.amount_granted, 15000)
        activity = self._report_activities(grant)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.date_deadline, '2099-05-31')
        self.assertEqual(activity.user_id, self.staff)
        with self.assertRaises(UserError):
            grant.action_grant()
        with self.assertRaises(UserError):
            grant.action_refuse()
        grant.action_receive(date='2025-04-01')
        self.assertEqual(grant.state, 'received')
        self.assertEqual(grant.amount_received, 15000)
        grant.reporting_deadline = '2099-09-30'
        activity = self._report_activities(grant)
        self.assertEqual(len(activity), 1, 'the reminder moves, not doubles')
        self.assertEqual(activity.date_deadline, '2099-08-31')
        grant.action_justify()
        self.assertEqual(grant.state, 'justified')
        self.assertFalse(self._report_activities(grant))

    def test_refuse(self):
        grant = self._grant()
        grant.action_refuse()
        self.assertEqual(grant.state, 'refused')
        with self.assertRaises(UserError):
            grant.action_grant()
        self.assertEqual(grant.state, 'refused')

    def test_amount_rules(self):
        grant = self._grant()
        with self.assertRaises(UserError):
            grant.action_grant(0)
        self.assertEqual(grant.state, 'requested')
        grant.action_grant(10000)
        with self.assertRaises(UserError):
            grant.action_receive(12000)
        self.assertEqual(grant.state, 'granted')
        self.assertEqual(grant.amount_received, 0)

    def test_grant_needs_target(self):
        with self.assertRaises(ValidationError):
            self._grant(programme_id=False)
        other = self.env['kepos.programme'].create({'name': 'Autre'})
        with self.assertRaises(ValidationError):
            self._grant(programme_id=other.id, cohort_id=self.cohort.id)
