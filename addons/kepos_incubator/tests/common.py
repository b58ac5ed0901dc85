# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests.common import SavepointCase


class KeposIncubatorCase(SavepointCase):
    """A programme, a cohort, a funder and a staff user, built in the test
    so the figures do not depend on the demo data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.staff = cls.env.ref('kepos_membership.user_kepos_staff')
        cls.member = cls.env.ref('kepos_membership.user_member_a')
        cls.programme = cls.env['kepos.programme'].create({
            'name': 'Programme de test'})
        cls.cohort = cls.env['kepos.cohort'].create({
            'name': 'Promotion de test', 'programme_id': cls.programme.id,
            'date_start': '2025-01-01', 'date_end': '2025-12-31'})
        cls.funder = cls.env['res.partner'].create({
            'name': 'Fondation de test', 'is_company': True})
        cls.entrepreneur = cls.env['res.partner'].create({
            'name': 'Léa Porteuse'})
        cls.stage = {
            kind: cls.env.ref('kepos_incubator.stage_%s' % kind)
            for kind in ('idea', 'study', 'search', 'incubation',
                         'launched', 'abandoned')}

    def _project(self, name='Recyclerie test', **values):
        values.update({'name': name, 'programme_id': self.programme.id,
                       'cohort_id': self.cohort.id})
        return self.env['kepos.incubation'].sudo(self.staff).create(values)

    def _score(self, project, score):
        """Open the study and give every criterion the same score."""
        project.action_start_study()
        project.score_ids.write({'score': score})

    def _committee(self, project, decision='go'):
        committee = self.env['kepos.committee'].sudo(self.staff).create({
            'name': 'Comité de test', 'date': '2025-03-15',
            'decision_ids': [(0, 0, {'incubation_id': project.id,
                                     'decision': decision})]})
        committee.action_hold()
        return committee
