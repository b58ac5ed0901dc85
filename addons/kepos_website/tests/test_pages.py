# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, at_install, post_install
from odoo.tests.common import HOST, PORT


@at_install(False)
@post_install(True)
class TestPages(HttpCase):
    """The public pages answer an anonymous visitor, in French, without
    what is not opted in or published."""

    def _get(self, url):
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200, url)
        return response.text

    def test_pages_in_french(self):
        home = self._get('/')
        self.assertIn('<html lang="fr-FR"', home)
        self.assertIn('la coopérative de la transition écologique', home)
        self.assertIn('name="description"', home)
        members = self._get('/membres')
        self.assertIn('Le Bocal Nancéien', members)
        self.assertNotIn("Rénov", members)
        offers = self._get('/offres')
        self.assertIn('Bilan carbone simplifié', offers)
        self.assertNotIn('Hébergement web sobre', offers)
        self.assertIn('Quartiers en transition',
                      self._get('/quartiers-en-transition'))
        self._get('/bonnes-pratiques')
        self._get('/contact')

    def test_hidden_records_are_not_found(self):
        hidden = self.env.ref('kepos_synergy.profile_renovhabitat')
        self.assertEqual(self.url_open('/membres/%d' % hidden.id).status_code,
                         404)
        product = self.env.ref('kepos_synergy.product_datafrugale_hosting')
        self.assertEqual(self.url_open(
            '/offres/produit/%d' % product.id).status_code, 404)

    def test_sitemap_lists_the_detail_pages(self):
        sitemap = self._get('/sitemap.xml')
        profile = self.env.ref('kepos_synergy.profile_bocal')
        self.assertIn('/membres/%d' % profile.id, sitemap)
        self.assertIn('/quartiers-en-transition', sitemap)

    def test_post_without_csrf_token_refused(self):
        response = self.url_open('/quartiers-en-transition', data={
            'name': 'x', 'description': 'y', 'district': 'z', 'consent': '1'})
        self.assertEqual(response.status_code, 400)

    def test_b2b_page_for_logged_in_participants(self):
        fair = self.env.ref('kepos_events.event_business_fair')
        url = '/event/%d/rendez-vous' % fair.id
        anonymous = self.opener.get('http://%s:%s%s' % (HOST, PORT, url),
                                    allow_redirects=False)
        self.assertIn(anonymous.status_code, (302, 303))
        self.authenticate('member_a', 'member_a')
        page = self._get(url)
        self.assertIn(fair.name, page)
        mine = self.env['event.registration'].search([
            ('event_id', '=', fair.id),
            ('kepos_member_id', '=', self.env.ref(
                'kepos_membership.member_bocal').id)])
        if mine:
            self.assertIn('kepos_b2b_form', page)
