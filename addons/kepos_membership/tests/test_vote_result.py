# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from fractions import Fraction

from odoo.tests.common import TransactionCase

from ..models.kepos_vote_result import CollegeCount, weighted_result


class TestVoteResult(TransactionCase):
    """The worked examples of the statutes, computed by hand."""

    def test_weighted_outcome_differs_from_headcount(self):
        # Workers 30 %: 3 yes, 0 no -> 100 %; member companies 40 %: 2 yes,
        # 8 no -> 20 %; partners 30 %: 2 yes, 0 no -> 100 %.
        # Headcount: 7 yes out of 15 = 46.7 %, rejected.
        # Weighted: 100 x 0.30 + 20 x 0.40 + 100 x 0.30 = 30 + 8 + 30 = 68 %.
        result = weighted_result([
            CollegeCount('SAL', 30, 3, 0, 1),
            CollegeCount('BEN', 40, 2, 8, 0),
            CollegeCount('PAR', 30, 2, 0, 0),
        ])
        self.assertEqual(result.total, 68)
        self.assertTrue(result.adopted)
        self.assertFalse(result.renormalised)
        self.assertEqual([c.yes_share for c in result.colleges], [100, 20, 100])
        self.assertEqual([c.contribution for c in result.colleges],
                         [30, 8, 30])
        # 68 % is also above two thirds.
        self.assertTrue(weighted_result(
            [CollegeCount('SAL', 30, 3, 0, 1), CollegeCount('BEN', 40, 2, 8, 0),
             CollegeCount('PAR', 30, 2, 0, 0)], 'extraordinary').adopted)

    def test_renormalisation_when_a_college_does_not_vote(self):
        # Partners abstain (2 abstentions: no vote expressed). The weights
        # 30 and 40 become 30/70 = 42.86 % and 40/70 = 57.14 %.
        # Workers 1 yes 1 no -> 50 %; member companies 3 yes 1 no -> 75 %.
        # 50 x 3/7 + 75 x 4/7 = 450/7 = 64.29 %: adopted, below two thirds.
        counts = [CollegeCount('SAL', 30, 1, 1, 0),
                  CollegeCount('BEN', 40, 3, 1, 0),
                  CollegeCount('PAR', 30, 0, 0, 2)]
        result = weighted_result(counts)
        self.assertTrue(result.renormalised)
        self.assertEqual(result.total, Fraction(450, 7))
        self.assertEqual(result.colleges[0].effective_weight,
                         Fraction(300, 7))
        self.assertEqual(result.colleges[2].effective_weight, 0)
        self.assertEqual(result.colleges[2].abstain, 2)
        self.assertTrue(result.adopted)
        self.assertFalse(weighted_result(counts, 'extraordinary').adopted)

    def test_extraordinary_at_exactly_two_thirds(self):
        # One member one vote: 2 yes, 1 no = 2/3 exactly, adopted.
        result = weighted_result([CollegeCount(False, 100, 2, 1, 5)],
                                 'extraordinary')
        self.assertEqual(result.total, Fraction(200, 3))
        self.assertTrue(result.adopted)
        # In three colleges at 2/3 each: 2/3 x (30 + 40 + 30) = 2/3 exactly,
        # with weights typed as decimals.
        result = weighted_result([CollegeCount('A', 33.33, 2, 1, 0),
                                  CollegeCount('B', 33.33, 4, 2, 0),
                                  CollegeCount('C', 33.34, 6, 3, 0)],
                                 'extraordinary')
        self.assertEqual(result.total, Fraction(200, 3))
        self.assertTrue(result.adopted)
        # One "yes" fewer in the last college: 5/8 there, below two thirds.
        self.assertFalse(weighted_result(
            [CollegeCount('A', 33.33, 2, 1, 0), CollegeCount('B', 33.33, 4, 2, 0),
             CollegeCount('C', 33.34, 5, 3, 0)], 'extraordinary').adopted)

    def test_ordinary_needs_more_than_half(self):
        self.assertFalse(weighted_result(
            [CollegeCount(False, 100, 1, 1, 0)]).adopted)
        self.assertTrue(weighted_result(
            [CollegeCount(False, 100, 2, 1, 0)]).adopted)

    def test_nobody_voted(self):
        result = weighted_result([CollegeCount('SAL', 50, 0, 0, 3),
                                  CollegeCount('BEN', 50, 0, 0, 0)])
        self.assertEqual(result.total, 0)
        self.assertFalse(result.adopted)
        self.assertFalse(result.renormalised)
