# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from lxml import etree

from odoo.exceptions import AccessError

from .common import KeposIncubatorCase


class TestSecurity(KeposIncubatorCase):

    def setUp(self):
        super().setUp()
        self.idea = self._project('Idée publique')
        self.studied = self._project('Étude confidentielle')
        self._score(self.studied, 3)
        self.committee = self._committee(self.studied, 'postpone')
        self.grant = self.env['kepos.grant'].create({
            'name': 'Subvention', 'funder_id': self.funder.id,
            'incubation_id': self.studied.id, 'amount_requested': 5000})
        self.need = self.env['kepos.territorial.need'].create({
            'name': 'Besoin', 'incubation_ids': [
                (6, 0, (self.idea | self.studied).ids)]})

    def test_member_reads_public_part(self):
        Incubation = self.env['kepos.incubation'].sudo(self.member)
        visible = Incubation.search([('id', 'in', (self.idea | self.studied).ids)])
        self.assertEqual(visible, self.idea)
        self.assertEqual(self.idea.sudo(self.member).name, 'Idée publique')
        with self.assertRaises(AccessError):
            self.studied.sudo(self.member).read(['name'])
        need = self.need.sudo(self.member)
        self.assertEqual(need.name, 'Besoin')
        self.assertEqual(need.incubation_ids, self.idea,
                         'a need shows members only the public projects')
        self.assertTrue(self.env['kepos.programme'].sudo(self.member)
                        .search([('id', '=', self.programme.id)]))
        launched = self.env['kepos.incubation'].sudo(self.member).search(
            [('stage_kind', '=', 'launched')])
        self.assertTrue(launched, 'demo launched projects are public')

    def test_member_cannot_read_confidential(self):
        with self.assertRaises(AccessError):
            self.grant.sudo(self.member).read(['amount_requested'])
        with self.assertRaises(AccessError):
            self.committee.sudo(self.member).read(['deliberation'])
        with self.assertRaises(AccessError):
            self.committee.decision_ids.sudo(self.member).read(['decision'])
        with self.assertRaises(AccessError):
            self.studied.score_ids.sudo(self.member).read(['score'])
        with self.assertRaises(AccessError):
            self.env['kepos.impact.report'].sudo(self.member).search([])
        with self.assertRaises(AccessError):
            self.idea.sudo(self.member).read(['study_score'])
        with self.assertRaises(AccessError):
            self.idea.sudo(self.member).read(['grant_ids'])
        fields = self.env['kepos.incubation'].sudo(self.member).fields_get()
        self.assertNotIn('decision_ids', fields)
        self.assertNotIn('grant_received', self.env['kepos.cohort'].sudo(
            self.member).fields_get())

    def test_member_cannot_write(self):
        with self.assertRaises(AccessError):
            self.need.sudo(self.member).write({'name': 'Modifié'})
        with self.assertRaises(AccessError):
            self.idea.sudo(self.member).write({'name': 'Modifié'})
        with self.assertRaises(AccessError):
            self.env['kepos.territorial.need'].sudo(self.member).create(
                {'name': 'Nouveau'})
        self.assertEqual(self.need.name, 'Besoin')

    def test_staff_runs_pipeline_manager_deletes(self):
        staff_project = self.studied.sudo(self.staff)
        self.assertEqual(staff_project.last_decision, 'postpone')
        self.assertEqual(self.grant.sudo(self.staff).amount_requested, 5000)
        with self.assertRaises(AccessError):
            staff_project.unlink()
        with self.assertRaises(AccessError):
            self.grant.sudo(self.staff).unlink()
        manager = self.env.ref('kepos_membership.user_kepos_manager')
        self.idea.sudo(manager).unlink()
        self.assertFalse(self.idea.exists())

    def test_member_views_hide_confidential_parts(self):
        views = self.env['kepos.incubation'].sudo(self.member).load_views(
            [(False, 'form'), (False, 'kanban'), (False, 'tree')])
        form = views['fields_views']['form']['arch']
        self.assertNotIn('decision_ids', form)
        self.assertNotIn('grant_ids', form)
        self.assertNotIn('score_ids', form)
        button = etree.fromstring(form).xpath(
            "//button[@name='action_start_study']")[0]
        self.assertEqual(button.get('invisible'), '1')
        self.assertIn('launch_date', form)
        cohort = self.env['kepos.cohort'].sudo(self.member).load_views(
            [(False, 'form')])['fields_views']['form']['arch']
        self.assertIn('launched_count', cohort)
        self.assertNotIn('grant_received', cohort)
        self.assertEqual(self.cohort.sudo(self.member).incubation_count, 1,
                         'members count only the projects they may see')
        self.assertEqual(self.cohort.sudo(self.staff).incubation_count, 2)
