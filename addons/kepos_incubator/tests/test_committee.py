# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError, ValidationError

from .common import KeposIncubatorCase


class TestCommittee(KeposIncubatorCase):

    def test_go_opens_entrepreneur_search(self):
        project = self._project()
        self._score(project, 4)
        committee = self._committee(project, 'go')
        self.assertEqual(committee.state, 'held')
        self.assertEqual(project.stage_id, self.stage['search'])
        self.assertEqual(project.last_decision, 'go')

    def test_no_go_abandons_with_reason(self):
        project = self._project()
        self._score(project, 1)
        self._committee(project, 'no_go')
        self.assertEqual(project.stage_id, self.stage['abandoned'])
        self.assertIn('Comité de test', project.abandon_reason)

    def test_postpone_keeps_stage_and_blocks_gate(self):
        project = self._project()
        self._score(project, 3)
        self._committee(project, 'postpone')
        self.assertEqual(project.stage_id, self.stage['study'])
        self.assertEqual(project.last_decision, 'postpone')
        with self.assertRaises(UserError):
            project.action_search_entrepreneur()

    def test_latest_committee_decides(self):
        project = self._project()
        self._score(project, 3)
        self._committee(project, 'postpone')
        later = self.env['kepos.committee'].sudo(self.staff).create({
            'name': 'Comité suivant', 'date': '2025-06-15',
            'decision_ids': [(0, 0, {'incubation_id': project.id,
                                     'decision': 'go'})]})
        self.assertEqual(project.last_decision, 'postpone',
                         'a planned committee has not decided yet')
        later.action_hold()
        self.assertEqual(project.last_decision, 'go')
        self.assertEqual(project.stage_id, self.stage['search'])

    def test_go_on_unstudied_project_refused(self):
        project = self._project()
        committee = self.env['kepos.committee'].sudo(self.staff).create({
            'name': 'Comité trop tôt', 'date': '2025-03-15',
            'decision_ids': [(0, 0, {'incubation_id': project.id,
                                     'decision': 'go'})]})
        with self.assertRaises(UserError):
            committee.action_hold()
        self.assertEqual(committee.state, 'planned')
        self.assertEqual(project.stage_id, self.stage['idea'])

    def test_held_decisions_are_frozen(self):
        project = self._project()
        self._score(project, 4)
        committee = self._committee(project, 'go')
        with self.assertRaises(ValidationError):
            committee.decision_ids.decision = 'no_go'
        with self.assertRaises(UserError):
            committee.action_hold()
