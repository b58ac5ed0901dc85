# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests.common import SavepointCase


class TestPublicReads(SavepointCase):
    """The site reads only opted-in and published records, and only the
    fields its pages show."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.public = cls.env['kepos.website.public'].sudo(
            cls.env.ref('base.public_user'))

    def test_directory_opt_in_only(self):
        names = [row['name'] for row in self.public._kepos_profiles()]
        self.assertIn('Le Bocal Nancéien', names)
        hidden = self.env.ref('kepos_synergy.profile_renovhabitat')
        self.assertNotIn(hidden.name, names)
        hidden.kepos_website_published = True
        self.assertIn(hidden.name, [
            row['name'] for row in self.public._kepos_profiles()])

    def test_directory_rows_carry_no_private_field(self):
        row = self.public._kepos_profiles()[0]
        self.assertFalse({'email', 'phone', 'needs', 'skills',
                          'kepos_share_amount'} & set(row))

    def test_search_by_keyword_and_sector(self):
        rows = self.public._kepos_profiles(search='vélo-cargo')
        self.assertEqual([r['name'] for r in rows], ['Vélo Cargo Stanislas'])

    def test_marketplace_published_only(self):
        names = [row['name'] for row in self.public._kepos_products()]
        self.assertIn('Bilan carbone simplifié', names)
        self.assertNotIn('Hébergement web sobre (an)', names)
        offers = [row['name'] for row in self.public._kepos_offers()]
        self.assertEqual(len(offers), 1)
        # The split of a joint offer's price stays inside.
        self.assertNotIn('amount_total', self.public._kepos_offers()[0])

    def test_offer_unpublished_when_closed(self):
        offer = self.env.ref('kepos_synergy.joint_offer_transition')
        offer.kepos_website_published = False
        offer.action_close()
        self.assertFalse(self.public._kepos_offers())

    def test_practices_public_and_approved(self):
        names = [row['name'] for row in self.public._kepos_practices()]
        self.assertEqual(names, [self.env.ref(
            'kepos_synergy.good_practice_consigne').name])

    def test_figures_are_counts(self):
        figures = self.public._kepos_figures()
        self.assertGreater(figures['members'], 3)
        for value in figures.values():
            self.assertIsInstance(value, (int, float))
