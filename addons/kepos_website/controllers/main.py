# Copyright 2026 Kèpos SCIC
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pages of the public site. Reads go through kepos.website.public (narrow
superuser queries with the opt-in and publication in their domains); no
business logic here."""
import base64

from odoo import _, http
from odoo.http import request

from odoo.addons.website.controllers.main import Website


def _public():
    return request.env['kepos.website.public']


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _sitemap(method):
    """Sitemap entries of a detail route: one per public record."""
    def generate(env, rule, qs):
        for row in getattr(env['kepos.website.public'], method)():
            url = rule.build({'record_id': row['id']},
                             append_unknown=False)[1]
            if not qs or qs.lower() in url.lower():
                yield {'loc': url}
    return generate


class KeposWebsite(Website):

    @http.route('/', type='http', auth='public', website=True)
    def index(self, **kw):
        return request.render('kepos_website.home', {
            'figures': _public()._kepos_figures(),
            'events': _public()._kepos_next_events(),
            'website_meta_description': _(
                'Kèpos, cooperative of the ecological transition in Nancy: '
                'its members, their offers, events and the residents\' '
                'needs of the districts.'),
        })


class KeposPages(http.Controller):

    @http.route('/membres', type='http', auth='public', website=True)
    def members(self, search='', sector=None, **kw):
        domain = [('industry_id', '=', _int(sector))] if _int(sector) else []
        return request.render('kepos_website.members', {
            'profiles': _public()._kepos_profiles(domain, search[:80]),
            'sectors': _public()._kepos_sectors(),
            'search': search[:80], 'sector': _int(sector),
            'website_meta_description': _(
                'The member companies of Kèpos: what they do and offer.'),
        })

    @http.route('/membres/<int:record_id>', type='http', auth='public',
                website=True, sitemap=_sitemap('_kepos_profiles'))
    def member(self, record_id, **kw):
        rows = _public()._kepos_profiles([('id', '=', record_id)])
        if not rows:
            raise request.not_found()
        return request.render('kepos_website.member', {
            'profile': rows[0],
            'website_meta_description': (rows[0]['activity'] or '')[:160],
        })

    @http.route('/membres/<int:record_id>/logo', type='http', auth='public',
                website=True, sitemap=False)
    def member_logo(self, record_id, **kw):
        profile = request.env['kepos.member.profile'].sudo().search(
            _public()._kepos_profile_domain() + [('id', '=', record_id)])
        if not profile.image:
            raise request.not_found()
        return request.make_response(
            base64.b64decode(profile.image),
            [('Content-Type', 'image/png'),
             ('Cache-Control', 'public, max-age=3600')])

    @http.route('/offres', type='http', auth='public', website=True)
    def marketplace(self, search='', **kw):
        return request.render('kepos_website.marketplace', {
            'products': _public()._kepos_products(search=search[:80]),
            'offers': _public()._kepos_offers(search=search[:80]),
            'search': search[:80],
            'website_meta_description': _(
                'The offers of the Kèpos members and their joint offers: '
                'ask for a quote.'),
        })

    @http.route('/offres/produit/<int:record_id>', type='http',
                auth='public', website=True,
                sitemap=_sitemap('_kepos_products'))
    def product(self, record_id, **kw):
        rows = _public()._kepos_products([('id', '=', record_id)])
        if not rows:
            raise request.not_found()
        return request.render('kepos_website.offer', {
            'product': rows[0], 'offer': None,
            'website_meta_description': rows[0]['name'],
        })

    @http.route('/offres/mutualisee/<int:record_id>', type='http',
                auth='public', website=True,
                sitemap=_sitemap('_kepos_offers'))
    def joint_offer(self, record_id, **kw):
        rows = _public()._kepos_offers([('id', '=', record_id)])
        if not rows:
            raise request.not_found()
        return request.render('kepos_website.offer', {
            'product': None, 'offer': rows[0],
            'website_meta_description': rows[0]['name'],
        })

    @http.route('/bonnes-pratiques', type='http', auth='public',
                website=True)
    def practices(self, **kw):
        return request.render('kepos_website.practices', {
            'practices': _public()._kepos_practices(),
            'website_meta_description': _(
                'Good practices of the transition shared by the Kèpos '
                'members.'),
        })

    @http.route('/bonnes-pratiques/<int:record_id>', type='http',
                auth='public', website=True,
                sitemap=_sitemap('_kepos_practices'))
    def practice(self, record_id, **kw):
        rows = _public()._kepos_practices([('id', '=', record_id)])
        if not rows:
            raise request.not_found()
        return request.render('kepos_website.practice', {
            'practice': rows[0], 'website_meta_description': rows[0]['name'],
        })
