# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError

from .common import KeposIncubatorCase


class TestPipeline(KeposIncubatorCase):

    def test_search_gate_needs_score_and_go(self):
        project = self._project()
        with self.assertRaises(UserError):
            project.write({'stage_id': self.stage['search'].id})
        self.assertEqual(project.stage_id, self.stage['idea'])
        self._score(project, 4)
        self.assertEqual(project.stage_id, self.stage['study'])
        with self.assertRaises(UserError):
            project.write({'stage_id': self.stage['search'].id})
        self.assertEqual(project.stage_id, self.stage['study'])
        self._committee(project, 'go')
        self.assertEqual(project.stage_id, self.stage['search'])

    def test_incubation_gate_needs_entrepreneur(self):
        project = self._project()
        self._score(project, 3)
        self._committee(project, 'go')
        with self.assertRaises(UserError):
            project.action_incubate()
        self.assertEqual(project.stage_id, self.stage['search'])
        self.assertFalse(project.project_id)
        project.write({'stage_id': self.stage['incubation'].id,
                       'entrepreneur_ids': [(4, self.entrepreneur.id)]})
        self.assertEqual(project.stage_id, self.stage['incubation'])
        self.assertTrue(project.project_id)
        self.assertEqual(project.project_id.kepos_incubation_id, project)

    def _incubated(self):
        project = self._project()
        self._score(project, 4)
        self._committee(project, 'go')
        project.write({'entrepreneur_ids': [(4, self.entrepreneur.id)]})
        project.action_incubate()
        return project

    def test_drag_cannot_skip_gates(self):
        """Dragging an idea straight to "Launched" in the kanban is refused."""
        project = self._project()
        with self.assertRaises(UserError):
            project.write({'stage_id': self.stage['launched'].id,
                           'launch_date': '2025-06-01', 'legal_form': 'scic',
                           'entrepreneur_ids': [(4, self.entrepreneur.id)]})
        self.assertEqual(project.stage_id, self.stage['idea'])
        self.assertFalse(project.launch_date)
        self.assertFalse(project.entrepreneur_ids)

    def test_create_beyond_gate_refused(self):
        with self.assertRaises(UserError):
            self._project(stage_id=self.stage['incubation'].id)

    def test_launch_needs_date_and_form(self):
        project = self._incubated()
        with self.assertRaises(UserError):
            project.action_launch()
        self.assertEqual(project.stage_id, self.stage['incubation'])
        project.write({'launch_date': '2025-06-01', 'legal_form': 'scop',
                       'jobs_fte': 2.0})
        project.action_launch()
        self.assertEqual(project.stage_id, self.stage['launched'])
        project.action_create_company()
        company = project.company_partner_id
        self.assertTrue(company.is_company)
        self.assertEqual(company.name, project.name)
        self.assertIn(self.entrepreneur, company.child_ids)
        with self.assertRaises(UserError):
            project.action_create_company()
        # The gates hold after the move too.
        with self.assertRaises(UserError):
            project.write({'entrepreneur_ids': [(5, 0, 0)]})
        with self.assertRaises(UserError):
            project.write({'launch_date': False})
        self.assertEqual(project.entrepreneur_ids, self.entrepreneur)
        self.assertEqual(project.launch_date, '2025-06-01')

    def test_abandon_needs_reason(self):
        project = self._project()
        with self.assertRaises(UserError):
            project.action_abandon()
        self.assertEqual(project.stage_id, self.stage['idea'])
        project.abandon_reason = 'Aucun porteur trouvé.'
        project.action_abandon()
        self.assertEqual(project.stage_id, self.stage['abandoned'])

    def test_need_workflow(self):
        need = self.env['kepos.territorial.need'].sudo(self.staff).create({
            'name': 'Pas de laverie', 'theme': 'care', 'source': 'survey',
            'city': 'Laxou', 'qpv': True})
        need.action_qualify()
        with self.assertRaises(UserError):
            need.action_address()
        self.assertEqual(need.state, 'qualified')
        project = self._project(need_ids=[(4, need.id)])
        self.assertEqual(need.incubation_ids, project)
        need.action_address()
        self.assertEqual(need.state, 'addressed')
        with self.assertRaises(UserError):
            need.action_dismiss()
