# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import IntegrityError

from odoo.tools import mute_logger

from .common import KeposIncubatorCase


class TestStudyScore(KeposIncubatorCase):

    def test_weighted_score_out_of_100(self):
        project = self._project()
        project.action_start_study()
        # The rubric in data: weights 25, 20, 20, 15, 10, 10.
        self.assertEqual(sorted(project.score_ids.mapped('weight')),
                         [10, 10, 15, 20, 20, 25])
        self.assertEqual(project.study_score, 0.0)
        scores = {'criterion_need': 5, 'criterion_economic': 3,
                  'criterion_environment': 4, 'criterion_social': 2,
                  'criterion_partners': 0, 'criterion_risks': 1}
        for xmlid, score in scores.items():
            criterion = self.env.ref('kepos_incubator.' + xmlid)
            project.score_ids.filtered(
                lambda s: s.criterion_id == criterion).score = score
        # (5*25 + 3*20 + 4*20 + 2*15 + 0*10 + 1*10) / (5 * 100) * 100
        self.assertAlmostEqual(project.study_score, 61.0)
        project.score_ids.write({'score': 5})
        self.assertAlmostEqual(project.study_score, 100.0)

    def test_rubric_change_keeps_past_scores(self):
        project = self._project()
        self._score(project, 3)
        self.assertAlmostEqual(project.study_score, 60.0)
        self.env.ref('kepos_incubator.criterion_need').weight = 90
        self.assertAlmostEqual(project.study_score, 60.0)
        self.assertEqual(self.env.ref('kepos_incubator.criterion_need')
                         .weight, 90)

    def test_start_study_twice_adds_no_line(self):
        project = self._project()
        project.action_start_study()
        count = len(project.score_ids)
        project.action_start_study()
        self.assertEqual(len(project.score_ids), count)

    @mute_logger('odoo.sql_db')
    def test_score_range(self):
        project = self._project()
        project.action_start_study()
        with self.assertRaises(IntegrityError), self.cr.savepoint():
            project.score_ids[0].score = 6
