# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .common import ResourceCase


class TestMatching(ResourceCase):

    def setUp(self):
        super(TestMatching, self).setUp()
        self.need = self._resource(self.farm, 'need', self.cat_coffee)

    def test_near_offer_beats_far_offer(self):
        near = self._resource(self.cafe, 'offer', self.cat_coffee)
        far = self._resource(self.roaster, 'offer', self.cat_coffee)
        near_match = self._match(self.need, near)
        far_match = self._match(self.need, far)
        self.assertTrue(near_match and far_match)
        self.assertAlmostEqual(near_match.distance_km, 2.0, delta=0.05)
        self.assertAlmostEqual(far_match.distance_km, 20.0, delta=0.1)
        # 25 points next door, 0 at the 30 km radius
        self.assertAlmostEqual(near_match.score_distance,
                               25 * (1 - 2.0 / 30), delta=0.1)
        self.assertAlmostEqual(far_match.score_distance,
                               25 * (1 - 20.0 / 30), delta=0.1)
        self.assertGreater(near_match.score, far_match.score)
        self.assertEqual(self.need.need_match_ids[0], near_match)
        for match in (near_match, far_match):
            self.assertAlmostEqual(match.score, sum([
                match.score_category, match.score_quantity,
                match.score_distance, match.score_time,
                match.score_modality]), places=4)
            self.assertEqual(match.score_category, 30)
            self.assertEqual(match.score_quantity, 25)
            self.assertEqual(match.score_modality, 10)
            self.assertEqual(match.score_time, 10)
        self.assertIn('Distance', near_match.explanation)

    def test_beyond_radius_never_matches(self):
        offer = self._resource(self.faraway, 'offer', self.cat_coffee)
        self.assertFalse(self._match(self.need, offer))

    def test_wrong_category_never_matches(self):
        pallets = self._resource(self.cafe, 'offer', self.cat_pallet,
                                 quantity=10)
        self.assertFalse(self._match(self.need, pallets))
        self.assertFalse(self.env['kepos.match'].search(
            [('offer_id', '=', pallets.id)]))

    def test_member_never_matches_itself(self):
        own = self._resource(self.farm, 'offer', self.cat_coffee)
        self.assertFalse(self._match(self.need, own))

    def test_parent_and_substitute_categories(self):
        parent = self._resource(self.cafe, 'offer', self.cat_organic)
        substitute = self._resource(self.cafe, 'offer', self.cat_grain)
        self.assertAlmostEqual(self._match(self.need, parent).score_category,
                               21.0)
        self.assertAlmostEqual(
            self._match(self.need, substitute).score_category, 15.0)
        # substitutes are declared one way: a need of grain ignores coffee
        grain_need = self._resource(self.farm, 'need', self.cat_grain)
        coffee = self._resource(self.cafe, 'offer', self.cat_coffee)
        self.assertFalse(self._match(grain_need, coffee))

    def test_quantity_time_and_modality_parts(self):
        need = self._resource(self.farm, 'need', self.cat_organic,
                              quantity=1.0, uom_id=self.ton.id,
                              date_start='2026-06-01', date_end='2026-06-10',
                              modality='reuse')
        offer = self._resource(self.cafe, 'offer', self.cat_organic,
                               quantity=250.0, date_start='2026-06-06',
                               date_end='2026-07-31', modality='donation')
        match = self._match(need, offer)
        self.assertAlmostEqual(match.score_quantity, 25 * 0.25, places=3)
        self.assertAlmostEqual(match.score_time, 10 * 5 / 10.0, places=3)
        self.assertAlmostEqual(match.score_modality, 5.0)
        outside = self._resource(self.cafe, 'offer', self.cat_organic,
                                 date_start='2026-07-01',
                                 date_end='2026-07-31')
        self.assertFalse(self._match(need, outside))

    def test_incremental_recompute(self):
        offer = self._resource(self.cafe, 'offer', self.cat_coffee,
                               quantity=50.0, state='draft')
        self.assertFalse(self._match(self.need, offer))
        offer.action_publish()
        match = self._match(self.need, offer)
        self.assertAlmostEqual(match.score_quantity, 12.5)
        offer.write({'quantity': 100.0})
        self.assertAlmostEqual(self._match(self.need, offer).score_quantity,
                               25.0)
        # a change on the need side is taken into account too
        self.need.write({'quantity': 400.0})
        self.assertAlmostEqual(self._match(self.need, offer).score_quantity,
                               6.25)
        offer.action_close()
        self.assertFalse(self._match(self.need, offer))

    def test_dismissed_match_survives_full_recompute(self):
        offer = self._resource(self.cafe, 'offer', self.cat_coffee)
        other = self._resource(self.roaster, 'offer', self.cat_coffee)
        match = self._match(self.need, offer)
        match.action_dismiss()
        self.env['kepos.match']._cron_compute_matches()
        match = self._match(self.need, offer)
        self.assertEqual(match.state, 'dismissed')
        self.assertEqual(self._match(self.need, other).state, 'new')
        match.action_restore()
        self.assertEqual(match.state, 'new')

    def test_full_recompute_matches_incremental(self):
        offer = self._resource(self.cafe, 'offer', self.cat_coffee)
        before = self._match(self.need, offer).score
        self.env['kepos.match']._compute_matches()
        self.assertAlmostEqual(self._match(self.need, offer).score, before)
