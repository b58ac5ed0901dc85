# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .common import KeposIncubatorCase


class TestJourney(KeposIncubatorCase):
    """A need heard in a district becomes a launched company, moved through
    the kanban by a staff user, and shows in the funder's report."""

    def test_need_to_launched_company(self):
        env = self.env(user=self.staff)
        need = env['kepos.territorial.need'].create({
            'name': 'Pas de laverie dans le quartier', 'theme': 'care',
            'source': 'survey', 'city': 'Laxou', 'district': 'Les Provinces',
            'qpv': True, 'date': '2025-01-15'})
        need.action_qualify()
        project = env['kepos.incubation'].create({
            'name': 'Laverie solidaire', 'programme_id': self.programme.id,
            'cohort_id': self.cohort.id, 'need_ids': [(4, need.id)],
            'idea_date': '2025-01-20'})
        need.action_address()
        self.assertEqual(project.stage_id.kind, 'idea')
        self.assertFalse(project.study_score)
        project.action_start_study()
        project.score_ids.write({'score': 4})
        self.assertAlmostEqual(project.study_score, 80.0)
        committee = env['kepos.committee'].create({
            'name': 'Comité de février', 'date': '2025-02-18',
            'funder_ids': [(4, self.funder.id)],
            'decision_ids': [(0, 0, {'incubation_id': project.id,
                                     'decision': 'go'})]})
        committee.action_hold()
        self.assertEqual(project.stage_id.kind, 'search')
        # Drag the card to "Incubation" once the entrepreneur is found.
        project.write({'entrepreneur_ids': [(4, self.entrepreneur.id)]})
        project.write({'stage_id': self.stage['incubation'].id})
        env['account.analytic.line'].create({
            'name': 'Plan de financement', 'date': '2025-04-02',
            'unit_amount': 6.0, 'project_id': project.project_id.id,
            'user_id': self.staff.id})
        project.write({'launch_date': '2025-11-03', 'legal_form': 'scic',
                       'jobs_fte': 1.5,
                       'stage_id': self.stage['launched'].id})
        project.action_create_company()
        self.assertTrue(project.company_partner_id.is_company)
        grant = env['kepos.grant'].create({
            'name': 'Laverie', 'funder_id': self.funder.id,
            'incubation_id': project.id, 'amount_requested': 8000,
            'request_date': '2025-01-30', 'reporting_deadline': '2026-03-31'})
        grant.action_grant(6000, '2025-03-01')
        grant.action_receive(6000, '2025-03-20')
        values = env['kepos.funder.report.wizard'].create({
            'funder_id': self.funder.id, 'date_from': '2025-01-01',
            'date_to': '2025-12-31'})._report_values()
        self.assertEqual(values['projects'], project)
        self.assertEqual(values['figures']['need_count'], 1)
        self.assertEqual(values['figures']['launched_count'], 1)
        self.assertAlmostEqual(values['figures']['coaching_hours'], 6.0)
        self.assertAlmostEqual(values['per_launched'], 6000)
        # Members now see the launched project, without its money.
        seen = project.sudo(self.member)
        self.assertEqual(seen.company_partner_id, project.company_partner_id)
        self.assertIn(project, self.env['kepos.incubation'].sudo(
            self.member).search([('stage_kind', '=', 'launched')]))
