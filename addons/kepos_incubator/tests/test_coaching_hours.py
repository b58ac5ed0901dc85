# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError

from .common import KeposIncubatorCase


class TestCoachingHours(KeposIncubatorCase):

    def _timesheet(self, project, date, hours):
        return self.env['account.analytic.line'].sudo(self.staff).create({
            'name': 'Rendez-vous de suivi', 'date': date,
            'unit_amount': hours, 'project_id': project.project_id.id,
            'user_id': self.staff.id})

    def test_timesheets_flow_to_indicators(self):
        project = self._project()
        self._score(project, 4)
        self._committee(project, 'go')
        project.write({'entrepreneur_ids': [(4, self.entrepreneur.id)]})
        project.action_incubate()
        self.assertTrue(project.project_id.allow_timesheets)
        self.assertEqual(project.project_id.privacy_visibility, 'followers')
        # The officer follows the private plan; a member cannot open it.
        self.assertTrue(project.project_id.sudo(self.staff).name)
        with self.assertRaises(AccessError):
            project.project_id.sudo(self.member).read(['name'])
        coach = self.env.ref('kepos_membership.user_kepos_manager')
        project.coach_ids = coach
        self.assertIn(coach.partner_id,
                      project.project_id.message_partner_ids)
        self._timesheet(project, '2025-02-10', 3.5)
        self._timesheet(project, '2025-05-12', 4.0)
        self._timesheet(project, '2026-01-20', 2.0)
        # A timesheet on another project is no coaching.
        other = self.env['project.project'].create({'name': 'Autre'})
        self.env['account.analytic.line'].create({
            'name': 'Autre', 'date': '2025-02-10', 'unit_amount': 8.0,
            'project_id': other.id})
        project.invalidate_cache()
        self.assertAlmostEqual(project.coaching_hours, 9.5)
        self.assertAlmostEqual(self.cohort.coaching_hours, 9.5)
        self.assertAlmostEqual(self.programme.coaching_hours, 9.5)
        by_year = self.env['kepos.impact.report'].read_group(
            [('cohort_id', '=', self.cohort.id), ('fact', '=', 'coaching')],
            ['coaching_hours', 'date'], ['date:year'])
        hours = {row['date:year']: row['coaching_hours'] for row in by_year}
        self.assertEqual(hours, {'2025': 7.5, '2026': 2.0})

    def test_cohort_indicators(self):
        project = self._project()
        self._score(project, 4)
        self._committee(project, 'go')
        project.write({'entrepreneur_ids': [(4, self.entrepreneur.id)],
                       'launch_date': '2025-09-01', 'legal_form': 'scic',
                       'jobs_fte': 3.5})
        project.action_incubate()
        project.action_launch()
        self._project('Idée sans suite')
        grant = self.env['kepos.grant'].create({
            'name': 'Promotion', 'funder_id': self.funder.id,
            'cohort_id': self.cohort.id, 'amount_requested': 30000})
        grant.action_grant(24000, '2025-02-01')
        grant.action_receive(24000, '2025-03-01')
        self.cohort.invalidate_cache()
        self.assertEqual(self.cohort.incubation_count, 2)
        self.assertEqual(self.cohort.launched_count, 1)
        self.assertAlmostEqual(self.cohort.jobs_fte, 3.5)
        self.assertAlmostEqual(self.cohort.grant_received, 24000)
        self.assertAlmostEqual(self.cohort.grant_per_launched, 24000)
        self.assertAlmostEqual(self.programme.grant_received, 24000)
